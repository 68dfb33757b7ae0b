package aws.cognito.user_pool_deletion_protection

import data.lib.pulumi

# METADATA
# title: Cognito user pools are protected against deletion
# description: |
#   Deleting a user pool deletes every account in it for good: password hashes and
#   MFA enrolments cannot be exported or restored, so all callers would have to be
#   re-registered. deletionProtection ACTIVE makes a delete (an accidental replacement,
#   a stack torn down by mistake) fail until protection is turned off on purpose.
#   AWS defaults to INACTIVE; stackguard.components.UserDirectory sets ACTIVE unless allow_deletion
#   is chosen.
# scope: document
# custom:
#   id: aws-cognito-user-pool-deletion-protection
#   severity: low
#   concern: auth
#   remediation: Set deletionProtection to "ACTIVE" (turn it off deliberately before an intended deletion).
#   compliance:
#     nist-800-53: ["CP-9", "CP-10"]
deny contains msg if {
	is_user_pool
	pulumi.absent(input.properties, "deletionProtection")
	msg := sprintf(
		"Cognito user pool %q can be deleted together with all its users (deletionProtection defaults to INACTIVE): set deletionProtection to \"ACTIVE\".",
		[input.name],
	)
}

deny contains msg if {
	is_user_pool
	pulumi.known(input.properties, "deletionProtection")
	input.properties.deletionProtection != "ACTIVE"
	msg := sprintf(
		"Cognito user pool %q can be deleted together with all its users (deletionProtection is not ACTIVE): set deletionProtection to \"ACTIVE\".",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:cognito/userPool:UserPool"})

is_user_pool if input.type in resource_types
