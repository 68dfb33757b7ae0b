package aws.cloudwatch.log_group_retention_test

import data.aws.cloudwatch.log_group_retention

log_group(props) := {
	"type": "aws:cloudwatch/logGroup:LogGroup",
	"urn": "urn:pulumi:prod::api::aws:cloudwatch/logGroup:LogGroup::api-access-logs",
	"name": "api-access-logs",
	"properties": props,
}

with_minimum(resource, days) := object.union(resource, {"config": {"aws-cloudwatch-log-group-retention": {"minimumDays": days}}})

test_passes_log_group_that_never_expires if {
	count(log_group_retention.deny) == 0 with input as log_group({"name": "/aws/apigateway/api"})
}

test_passes_zero_retention_which_is_never_expire if {
	count(log_group_retention.deny) == 0 with input as log_group({"name": "/aws/apigateway/api", "retentionInDays": 0})
}

test_flags_retention_below_default_minimum if {
	count(log_group_retention.deny) == 1 with input as log_group({"name": "/aws/apigateway/api", "retentionInDays": 30})
}

test_passes_default_minimum if {
	count(log_group_retention.deny) == 0 with input as log_group({"name": "/aws/apigateway/api", "retentionInDays": 365})
}

test_passes_lower_configured_minimum if {
	count(log_group_retention.deny) == 0 with input as with_minimum(log_group({"retentionInDays": 30}), 7)
}

test_passes_retention_at_configured_minimum if {
	count(log_group_retention.deny) == 0 with input as with_minimum(log_group({"retentionInDays": 365}), 365)
}

test_flags_retention_below_configured_minimum if {
	count(log_group_retention.deny) == 1 with input as with_minimum(log_group({"retentionInDays": 90}), 365)
}

test_configured_minimum_passes_forever if {
	count(log_group_retention.deny) == 0 with input as with_minimum(log_group({}), 3653)
}

test_unknown_retention_is_not_reported if {
	count(log_group_retention.deny) == 0 with input as with_minimum(
		log_group({"retentionInDays": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}),
		365,
	)
}

test_ignores_other_types if {
	count(log_group_retention.deny) == 0 with input as {"type": "aws:cloudwatch/logStream:LogStream", "name": "s", "properties": {}}
}
