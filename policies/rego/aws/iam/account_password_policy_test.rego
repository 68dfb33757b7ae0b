package aws.iam.account_password_policy_test

import data.aws.iam.account_password_policy as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
	"urn": "urn:pulumi:prod::app::aws:iam/accountPasswordPolicy:AccountPasswordPolicy::main",
	"name": "main",
	"properties": object.union({"minimumPasswordLength": 14, "requireUppercaseCharacters": true, "requireLowercaseCharacters": true, "requireNumbers": true, "requireSymbols": true, "allowUsersToChangePassword": true}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"minimumPasswordLength": 8})
	count(rule.deny) == 1 with input as resource({"requireSymbols": false})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"minimumPasswordLength": unknown, "requireSymbols": unknown})
}
