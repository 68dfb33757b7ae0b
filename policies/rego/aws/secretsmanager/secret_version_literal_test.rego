package aws.secretsmanager.secret_version_literal_test

import data.aws.secretsmanager.secret_version_literal as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

password_urn := "urn:pulumi:prod::api::random:index/randomPassword:RandomPassword::db"

version(props, deps) := {
	"type": "aws:secretsmanager/secretVersion:SecretVersion",
	"urn": "urn:pulumi:prod::api::aws:secretsmanager/secretVersion:SecretVersion::db",
	"name": "db",
	"properties": object.union({"secretId": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}, props),
	"propertyDependencies": deps,
}

test_flags_value_written_in_the_program if {
	count(rule.stack_deny) == 1 with input as {"resources": [version({"secretString": "[secret]"}, {})]}
	count(rule.stack_deny) == 1 with input as {"resources": [version({"secretBinary": "[secret]"}, {"secretId": ["urn:x"]})]}
}

test_passes_generated_value if {
	count(rule.stack_deny) == 0 with input as {"resources": [version({"secretString": "[secret]"}, {"secretString": [password_urn]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [version({"secretStringWo": "[secret]", "secretStringWoVersion": 1}, {})]}
}

test_unknown_value_is_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [version({"secretString": unknown}, {})]}
}
