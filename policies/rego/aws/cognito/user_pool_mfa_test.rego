package aws.cognito.user_pool_mfa_test

import data.aws.cognito.user_pool_mfa

pool(props) := {
	"type": "aws:cognito/userPool:UserPool",
	"urn": "urn:pulumi:prod::api::aws:cognito/userPool:UserPool::customers",
	"name": "customers",
	"properties": object.union(
		{
			"name": "customers-3f9a1c2",
			"autoVerifiedAttributes": ["email"],
			"usernameAttributes": ["email"],
			"passwordPolicy": {"minimumLength": 12, "requireNumbers": true, "requireSymbols": true},
		},
		props,
	),
}

test_flags_pool_without_mfa_configuration if {
	msgs := user_pool_mfa.deny with input as pool({})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "defaults to OFF")
}

test_flags_mfa_off if {
	count(user_pool_mfa.deny) == 1 with input as pool({"mfaConfiguration": "OFF"})
}

test_flags_optional_mfa if {
	msgs := user_pool_mfa.deny with input as pool({"mfaConfiguration": "OPTIONAL", "softwareTokenMfaConfiguration": {"enabled": true}})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "OPTIONAL")
}

test_passes_required_mfa if {
	count(user_pool_mfa.deny) == 0 with input as pool({"mfaConfiguration": "ON", "softwareTokenMfaConfiguration": {"enabled": true}})
}

test_unknown_mfa_configuration_is_not_reported if {
	count(user_pool_mfa.deny) == 0 with input as pool({"mfaConfiguration": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(user_pool_mfa.deny) == 0 with input as {"type": "aws:cognito/userPoolClient:UserPoolClient", "name": "c", "properties": {}}
}
