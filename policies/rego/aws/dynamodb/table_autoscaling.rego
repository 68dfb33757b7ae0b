package aws.dynamodb.table_autoscaling

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: Provisioned DynamoDB tables scale their capacity with demand
# description: |
#   A table in PROVISIONED billing mode with fixed capacity throttles requests once demand
#   passes it: a traffic spike, or a flood of requests, turns into an outage. Use on-demand
#   billing (PAY_PER_REQUEST; an absent billingMode means PROVISIONED), or register the
#   table's read and write capacity with Application Auto Scaling: aws.appautoscaling.Target
#   resources whose resourceId is table/<name>. Tables
#   whose name or billing mode is unknown are not judged, nor are tables when a scaling
#   target's resourceId cannot be read.
# scope: document
# custom:
#   id: aws-dynamodb-table-autoscaling
#   severity: low
#   concern: network
#   remediation: Set billing_mode="PAY_PER_REQUEST" on aws.dynamodb.Table, or add aws.appautoscaling.Target(service_namespace="dynamodb", resource_id=f"table/{name}", scalable_dimension="dynamodb:table:ReadCapacityUnits", ...) and a target-tracking policy for reads and writes.
#   compliance:
#     fsbp: ["DynamoDB.1"]
#     nist-800-53: ["CP-10", "SC-5"]
stack_deny contains {"urn": table.urn, "message": msg} if {
	not unreadable_targets
	some table in stack.of_type("aws:dynamodb/table:Table")
	object.get(table.properties, "billingMode", "PROVISIONED") == "PROVISIONED"
	name := table.properties.name
	is_string(name)
	not pulumi.is_unknown(name)
	not sprintf("table/%s", [name]) in scaled
	msg := sprintf("DynamoDB table %q has fixed provisioned capacity: use PAY_PER_REQUEST billing or register it with Application Auto Scaling.", [table.name])
}

targets := [t | some t in stack.of_type("aws:appautoscaling/target:Target"); object.get(t.properties, "serviceNamespace", "") == "dynamodb"]

scaled := {t.properties.resourceId | some t in targets; is_string(t.properties.resourceId)}

unreadable_targets if {
	some t in targets
	pulumi.unknown(t.properties, "resourceId")
}

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:appautoscaling/target:Target",
	"aws:dynamodb/table:Table",
})
