package aws.cognito.identity_pool_unauthenticated_test

import data.aws.cognito.identity_pool_unauthenticated as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:cognito/identityPool:IdentityPool",
	"urn": "urn:pulumi:prod::app::aws:cognito/identityPool:IdentityPool::main",
	"name": "main",
	"properties": object.union({"identityPoolName": "customers"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"allowUnauthenticatedIdentities": true})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"allowUnauthenticatedIdentities": false})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"allowUnauthenticatedIdentities": unknown})
}
