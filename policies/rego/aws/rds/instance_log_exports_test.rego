package aws.rds.instance_log_exports_test

import data.aws.rds.instance_log_exports as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

instance(props) := {
	"type": "aws:rds/instance:Instance",
	"urn": "urn:pulumi:prod::api::aws:rds/instance:Instance::orders-db",
	"name": "orders-db",
	"properties": object.union({"engine": "postgres", "instanceClass": "db.t4g.micro", "allocatedStorage": 20}, props),
}

test_flags_instance_without_log_exports if {
	count(rule.deny) == 1 with input as instance({})
	count(rule.deny) == 1 with input as instance({"engine": "mysql", "enabledCloudwatchLogsExports": []})
}

test_passes_exported_logs if {
	count(rule.deny) == 0 with input as instance({"enabledCloudwatchLogsExports": ["postgresql", "upgrade"]})
	count(rule.deny) == 0 with input as instance({"engine": "mysql", "enabledCloudwatchLogsExports": ["audit", "error", "slowquery"]})
}

test_aurora_instances_are_left_to_the_cluster if {
	count(rule.deny) == 0 with input as instance({"engine": "aurora-postgresql"})
}

test_unknown_list_is_not_reported if {
	count(rule.deny) == 0 with input as instance({"enabledCloudwatchLogsExports": unknown})
}
