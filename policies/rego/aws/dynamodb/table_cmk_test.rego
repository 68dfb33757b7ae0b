package aws.dynamodb.table_cmk_test

import data.aws.dynamodb.table_cmk

table(props) := {
	"type": "aws:dynamodb/table:Table",
	"urn": "urn:pulumi:prod::api::aws:dynamodb/table:Table::orders",
	"name": "orders",
	"properties": object.union({"hashKey": "OrderId", "billingMode": "PAY_PER_REQUEST"}, props),
}

test_flags_aws_managed_key if {
	count(table_cmk.deny) == 1 with input as table({"serverSideEncryption": {"enabled": true}})
}

test_flags_aws_managed_alias if {
	count(table_cmk.deny) == 1 with input as table({"serverSideEncryption": {"enabled": true, "kmsKeyArn": "alias/aws/dynamodb"}})
}

test_passes_customer_managed_key if {
	count(table_cmk.deny) == 0 with input as table({"serverSideEncryption": {"enabled": true, "kmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}})
}

test_leaves_aws_owned_key_to_table_encryption if {
	count(table_cmk.deny) == 0 with input as table({})
}

test_profile_can_accept_aws_managed_key if {
	count(table_cmk.deny) == 0 with input as object.union(
		table({"serverSideEncryption": {"enabled": true}}),
		{"config": {"aws-dynamodb-table-cmk": {"requireCustomerManagedKey": false}}},
	)
}

test_unknown_key_is_not_reported if {
	count(table_cmk.deny) == 0 with input as table({"serverSideEncryption": {"enabled": true, "kmsKeyArn": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}})
}
