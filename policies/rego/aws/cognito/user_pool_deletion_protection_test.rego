package aws.cognito.user_pool_deletion_protection_test

import data.aws.cognito.user_pool_deletion_protection

# The user pool stackguard.components.UserDirectory registers by default.
pool(props) := {
	"type": "aws:cognito/userPool:UserPool",
	"urn": "urn:pulumi:prod::api::stackguard:identity:UserDirectory$aws:cognito/userPool:UserPool::partners",
	"name": "partners",
	"properties": object.union(
		{
			"name": "partners",
			"mfaConfiguration": "ON",
			"softwareTokenMfaConfiguration": {"enabled": true},
			"adminCreateUserConfig": {"allowAdminCreateUserOnly": true},
			"deletionProtection": "ACTIVE",
			"tags": {},
		},
		props,
	),
}

test_flags_allow_deletion_opt_out if {
	# UserDirectory(allow_deletion=True)
	msgs := user_pool_deletion_protection.deny with input as pool({"deletionProtection": "INACTIVE"})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "\"partners\"")
	contains(msg, "not ACTIVE")
}

test_flags_missing_deletion_protection if {
	msgs := user_pool_deletion_protection.deny with input as json.remove(pool({}), ["properties/deletionProtection"])
	count(msgs) == 1
	some msg in msgs
	contains(msg, "defaults to INACTIVE")
}

test_flags_null_deletion_protection if {
	count(user_pool_deletion_protection.deny) == 1 with input as pool({"deletionProtection": null})
}

test_passes_component_default if {
	count(user_pool_deletion_protection.deny) == 0 with input as pool({})
}

test_unknown_deletion_protection_is_not_reported if {
	count(user_pool_deletion_protection.deny) == 0 with input as pool({"deletionProtection": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(user_pool_deletion_protection.deny) == 0 with input as {"type": "aws:cognito/userPoolDomain:UserPoolDomain", "name": "d", "properties": {}}
}
