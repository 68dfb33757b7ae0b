package aws.cognito.user_pool_threat_protection_test

import data.aws.cognito.user_pool_threat_protection as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:cognito/userPool:UserPool",
	"urn": "urn:pulumi:prod::app::aws:cognito/userPool:UserPool::main",
	"name": "main",
	"properties": object.union({"name": "customers", "mfaConfiguration": "ON", "deletionProtection": "ACTIVE", "softwareTokenMfaConfiguration": {"enabled": true}}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({})
	count(rule.deny) == 1 with input as resource({"userPoolAddOns": {"advancedSecurityMode": "AUDIT"}})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"userPoolAddOns": {"advancedSecurityMode": "ENFORCED"}, "userPoolTier": "PLUS"})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"userPoolAddOns": {"advancedSecurityMode": unknown}})
}
