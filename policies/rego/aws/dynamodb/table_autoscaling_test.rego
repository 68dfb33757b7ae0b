package aws.dynamodb.table_autoscaling_test

import data.aws.dynamodb.table_autoscaling as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

table_urn := "urn:pulumi:prod::api::aws:dynamodb/table:Table::orders"

table(props) := {"type": "aws:dynamodb/table:Table", "urn": table_urn, "name": "orders", "properties": object.union({"name": "orders", "hashKey": "id", "readCapacity": 5, "writeCapacity": 5}, props)}

target(resource_id) := {"type": "aws:appautoscaling/target:Target", "urn": "urn:pulumi:prod::api::aws:appautoscaling/target:Target::orders-read", "name": "orders-read", "properties": {"serviceNamespace": "dynamodb", "resourceId": resource_id, "scalableDimension": "dynamodb:table:ReadCapacityUnits", "minCapacity": 5, "maxCapacity": 100}}

test_flags_fixed_provisioned_table if {
	findings := rule.stack_deny with input as {"resources": [table({})]}
	count(findings) == 1
	some f in findings
	f.urn == table_urn
	count(rule.stack_deny) == 1 with input as {"resources": [table({"billingMode": "PROVISIONED"}), target("table/other")]}
}

test_passes_on_demand_or_scaled_table if {
	count(rule.stack_deny) == 0 with input as {"resources": [table({"billingMode": "PAY_PER_REQUEST"})]}
	count(rule.stack_deny) == 0 with input as {"resources": [table({}), target("table/orders")]}
}

test_unknown_values_are_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [table({"name": unknown})]}
	count(rule.stack_deny) == 0 with input as {"resources": [table({}), target(unknown)]}
}
