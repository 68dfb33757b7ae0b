package aws.cloudwatch.log_group_kms_test

import data.aws.cloudwatch.log_group_kms

log_group(props) := {
	"type": "aws:cloudwatch/logGroup:LogGroup",
	"urn": "urn:pulumi:prod::api::aws:cloudwatch/logGroup:LogGroup::api-access-logs",
	"name": "api-access-logs",
	"properties": props,
}

test_flags_log_group_without_key if {
	count(log_group_kms.deny) == 1 with input as log_group({"name": "/aws/apigateway/api", "retentionInDays": 90})
}

test_passes_log_group_with_key if {
	count(log_group_kms.deny) == 0 with input as log_group({
		"name": "/aws/apigateway/api",
		"retentionInDays": 90,
		"kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12",
	})
}

test_unknown_key_is_not_reported if {
	count(log_group_kms.deny) == 0 with input as log_group({"name": "/aws/apigateway/api", "kmsKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(log_group_kms.deny) == 0 with input as {"type": "aws:cloudwatch/logStream:LogStream", "name": "s", "properties": {}}
}

test_flags_empty_key if {
	count(log_group_kms.deny) == 1 with input as log_group({"name": "/aws/apigateway/api", "kmsKeyId": ""})
}
