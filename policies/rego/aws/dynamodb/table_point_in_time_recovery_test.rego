package aws.dynamodb.table_point_in_time_recovery_test

import data.aws.dynamodb.table_point_in_time_recovery as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

table(props) := {
	"type": "aws:dynamodb/table:Table",
	"urn": "urn:pulumi:prod::api::aws:dynamodb/table:Table::orders",
	"name": "orders",
	"properties": object.union({"hashKey": "id", "billingMode": "PAY_PER_REQUEST", "attributes": [{"name": "id", "type": "S"}]}, props),
}

test_flags_table_without_pitr if {
	count(rule.deny) == 1 with input as table({})
	count(rule.deny) == 1 with input as table({"pointInTimeRecovery": {"enabled": false}})
}

test_passes_pitr if {
	count(rule.deny) == 0 with input as table({"pointInTimeRecovery": {"enabled": true}})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as table({"pointInTimeRecovery": {"enabled": unknown}})
	count(rule.deny) == 0 with input as table({"pointInTimeRecovery": unknown})
}
