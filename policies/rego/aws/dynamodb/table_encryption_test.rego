package aws.dynamodb.table_encryption_test

import data.aws.dynamodb.table_encryption

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

table(props) := {
	"type": "aws:dynamodb/table:Table",
	"urn": "urn:pulumi:prod::api::aws:dynamodb/table:Table::orders",
	"name": "orders",
	"properties": object.union(
		{
			"billingMode": "PAY_PER_REQUEST",
			"hashKey": "id",
			"attributes": [{"name": "id", "type": "S"}],
		},
		props,
	),
}

test_flags_table_without_sse if {
	count(table_encryption.deny) == 1 with input as table({})
}

test_flags_sse_disabled if {
	count(table_encryption.deny) == 1 with input as table({"serverSideEncryption": {"enabled": false}})
}

test_flags_sse_without_enabled if {
	count(table_encryption.deny) == 1 with input as table({"serverSideEncryption": {"kmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/abc"}})
}

test_passes_customer_managed_key if {
	count(table_encryption.deny) == 0 with input as table({"serverSideEncryption": {
		"enabled": true,
		"kmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12",
	}})
}

test_passes_aws_managed_kms_key if {
	count(table_encryption.deny) == 0 with input as table({"serverSideEncryption": {"enabled": true}})
}

test_unknown_enabled_is_not_reported if {
	count(table_encryption.deny) == 0 with input as table({"serverSideEncryption": {"enabled": unknown, "kmsKeyArn": unknown}})
}

test_unknown_block_is_not_reported if {
	count(table_encryption.deny) == 0 with input as table({"serverSideEncryption": unknown})
}

test_ignores_other_types if {
	count(table_encryption.deny) == 0 with input as {"type": "aws:dynamodb/tableItem:TableItem", "name": "i", "properties": {}}
}
