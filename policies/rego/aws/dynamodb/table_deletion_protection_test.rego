package aws.dynamodb.table_deletion_protection_test

import data.aws.dynamodb.table_deletion_protection as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

table(props) := {
	"type": "aws:dynamodb/table:Table",
	"urn": "urn:pulumi:prod::api::aws:dynamodb/table:Table::orders",
	"name": "orders",
	"properties": object.union({"hashKey": "id", "billingMode": "PAY_PER_REQUEST", "attributes": [{"name": "id", "type": "S"}]}, props),
}

test_flags_unprotected_table if {
	count(rule.deny) == 1 with input as table({})
	count(rule.deny) == 1 with input as table({"deletionProtectionEnabled": false})
}

test_passes_protected_table if {
	count(rule.deny) == 0 with input as table({"deletionProtectionEnabled": true})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as table({"deletionProtectionEnabled": unknown})
}
