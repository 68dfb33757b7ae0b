package aws.ssm.parameter_cmk_test

import data.aws.ssm.parameter_cmk

parameter(props) := {
	"type": "aws:ssm/parameter:Parameter",
	"urn": "urn:pulumi:prod::api::aws:ssm/parameter:Parameter::db-password",
	"name": "db-password",
	"properties": props,
}

test_flags_secure_string_without_key if {
	count(parameter_cmk.deny) == 1 with input as parameter({"name": "/payments/db/password", "type": "SecureString"})
}

test_flags_aws_managed_alias if {
	count(parameter_cmk.deny) == 1 with input as parameter({"type": "SecureString", "keyId": "alias/aws/ssm"})
}

test_passes_customer_managed_key if {
	count(parameter_cmk.deny) == 0 with input as parameter({"type": "SecureString", "keyId": "alias/payments-secrets"})
}

test_ignores_plain_strings if {
	count(parameter_cmk.deny) == 0 with input as parameter({"name": "/payments/region", "type": "String"})
}

test_profile_can_accept_aws_managed_key if {
	count(parameter_cmk.deny) == 0 with input as object.union(
		parameter({"type": "SecureString"}),
		{"config": {"aws-ssm-parameter-cmk": {"requireCustomerManagedKey": false}}},
	)
}

test_unknown_key_is_not_reported if {
	count(parameter_cmk.deny) == 0 with input as parameter({"type": "SecureString", "keyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
