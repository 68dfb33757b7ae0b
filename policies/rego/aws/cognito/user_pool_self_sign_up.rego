package aws.cognito.user_pool_self_sign_up

import data.lib.pulumi

# METADATA
# title: Cognito user pools let only administrators create accounts
# description: |
#   A user pool that is an API's caller directory must not accept self-service sign-up:
#   unless adminCreateUserConfig.allowAdminCreateUserOnly is true (AWS default false),
#   anyone who knows the pool's app client id can register an account and obtain tokens,
#   and every scope or group granted to signed-up users is granted to the internet.
#   stackguard.components.UserDirectory sets it to true unless allow_self_sign_up is chosen.
# scope: document
# custom:
#   id: aws-cognito-user-pool-self-sign-up
#   severity: medium
#   concern: auth
#   remediation: Set adminCreateUserConfig.allowAdminCreateUserOnly to true and create users through the admin API or an invitation flow.
#   compliance:
#     nist-800-53: ["AC-2"]
#     owasp-api-top-10: ["API2:2023"]
deny contains msg if {
	input.type in resource_types
	self_sign_up(input.properties)
	msg := sprintf(
		"Cognito user pool %q lets anyone sign up for an account (adminCreateUserConfig.allowAdminCreateUserOnly is not true, AWS default false): set it to true so that only administrators create users.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:cognito/userPool:UserPool"})

self_sign_up(props) if pulumi.absent(props, "adminCreateUserConfig")

# is_false: absent or false, never when unknown (nor when the whole block is unknown).
self_sign_up(props) if pulumi.is_false(props.adminCreateUserConfig, "allowAdminCreateUserOnly")
