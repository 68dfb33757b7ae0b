package aws.cognito.identity_pool_unauthenticated

import data.lib.pulumi

# METADATA
# title: Cognito identity pools do not hand out credentials to unauthenticated identities
# description: |
#   allowUnauthenticatedIdentities true gives AWS credentials (the pool's unauthenticated
#   role) to anyone who asks, with no sign-in: whatever that role allows, the internet may
#   do. Leave it false (the default) unless the role is deliberately minimal, and exempt
#   the pool then. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-cognito-identity-pool-unauthenticated
#   severity: high
#   concern: auth
#   remediation: 'Set allow_unauthenticated_identities=False on aws.cognito.IdentityPool.'
#   compliance:
#     fsbp: ["Cognito.2"]
#     nist-800-53: ["AC-14", "IA-2"]
deny contains msg if {
	input.type in resource_types
	input.properties.allowUnauthenticatedIdentities == true
	msg := sprintf("Cognito identity pool %q gives AWS credentials to unauthenticated identities: set allowUnauthenticatedIdentities to false.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:cognito/identityPool:IdentityPool"})
