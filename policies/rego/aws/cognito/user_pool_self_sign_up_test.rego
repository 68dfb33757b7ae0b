package aws.cognito.user_pool_self_sign_up_test

import data.aws.cognito.user_pool_self_sign_up

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

# The user pool stackguard.components.UserDirectory registers by default (admin-only sign-up).
pool(props) := {
	"type": "aws:cognito/userPool:UserPool",
	"urn": "urn:pulumi:prod::api::stackguard:identity:UserDirectory$aws:cognito/userPool:UserPool::partners",
	"name": "partners",
	"properties": object.union(
		{
			"name": "partners",
			"mfaConfiguration": "ON",
			"softwareTokenMfaConfiguration": {"enabled": true},
			"passwordPolicy": {"minimumLength": 14, "requireNumbers": true, "requireSymbols": true},
			"autoVerifiedAttributes": ["email"],
			"adminCreateUserConfig": {"allowAdminCreateUserOnly": true},
			"deletionProtection": "ACTIVE",
			"tags": {},
		},
		props,
	),
}

without_admin_config := json.remove(pool({}), ["properties/adminCreateUserConfig"])

# object.union merges nested objects: replace the whole block instead.
with_admin_config(cfg) := json.patch(pool({}), [{"op": "replace", "path": "/properties/adminCreateUserConfig", "value": cfg}])

test_flags_self_sign_up_opt_in if {
	# UserDirectory(allow_self_sign_up=True)
	msgs := user_pool_self_sign_up.deny with input as pool({"adminCreateUserConfig": {"allowAdminCreateUserOnly": false}})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "\"partners\"")
	contains(msg, "allowAdminCreateUserOnly")
}

test_flags_missing_admin_create_user_config if {
	count(user_pool_self_sign_up.deny) == 1 with input as without_admin_config
}

test_flags_null_admin_create_user_config if {
	count(user_pool_self_sign_up.deny) == 1 with input as with_admin_config(null)
}

test_flags_config_without_the_flag if {
	# Only an invitation template: allowAdminCreateUserOnly keeps the AWS default (false).
	count(user_pool_self_sign_up.deny) == 1 with input as with_admin_config({"inviteMessageTemplate": {"emailSubject": "Welcome"}})
}

test_passes_component_default if {
	count(user_pool_self_sign_up.deny) == 0 with input as pool({})
}

test_unknown_flag_is_not_reported if {
	count(user_pool_self_sign_up.deny) == 0 with input as pool({"adminCreateUserConfig": {"allowAdminCreateUserOnly": unknown}})
}

test_unknown_config_block_is_not_reported if {
	count(user_pool_self_sign_up.deny) == 0 with input as with_admin_config(unknown)
}

test_ignores_other_types if {
	count(user_pool_self_sign_up.deny) == 0 with input as {"type": "aws:cognito/userPoolClient:UserPoolClient", "name": "c", "properties": {}}
}
