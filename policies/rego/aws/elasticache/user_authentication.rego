package aws.elasticache.user_authentication

import data.lib.pulumi

# METADATA
# title: ElastiCache RBAC users authenticate
# description: |
#   An enabled RBAC user (accessString starting with "on") that needs no password
#   (noPasswordRequired true, or authenticationMode type "no-password-required") lets
#   any client that reaches a cache of its user group in with that user's permissions:
#   RBAC then protects nothing. Users must authenticate with passwords or IAM; a user
#   kept only to disable the default user ("off" access string) is fine.
# scope: document
# custom:
#   id: aws-elasticache-user-authentication
#   severity: high
#   concern: auth
#   remediation: Set authentication_mode=aws.elasticache.UserAuthenticationModeArgs(type="iam") (or type="password" with passwords from a secret) on aws.elasticache.User, or turn the user off with access_string="off -@all".
#   compliance:
#     fsbp: ["ElastiCache.6"]
#     nist-800-53: ["IA-2", "AC-3"]
deny contains msg if {
	input.type in resource_types
	no_password(input.properties)
	enabled(input.properties)
	msg := sprintf(
		"ElastiCache user %q is enabled and needs no password, so any client that reaches the cache gets its permissions: set authenticationMode type to \"iam\" or \"password\", or turn the user off.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:elasticache/user:User"})

no_password(props) if props.noPasswordRequired == true

no_password(props) if props.authenticationMode.type == "no-password-required"

# A user is enabled unless its access string starts with "off" (unknown strings count as off).
enabled(props) if {
	is_string(props.accessString)
	not pulumi.is_unknown(props.accessString)
	not startswith(trim_space(lower(props.accessString)), "off")
}
