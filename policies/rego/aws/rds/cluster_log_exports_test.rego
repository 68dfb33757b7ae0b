package aws.rds.cluster_log_exports_test

import data.aws.rds.cluster_log_exports as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

cluster(props) := {
	"type": "aws:rds/cluster:Cluster",
	"urn": "urn:pulumi:prod::api::aws:rds/cluster:Cluster::orders",
	"name": "orders",
	"properties": object.union({"engine": "aurora-postgresql", "masterUsername": "postgres", "manageMasterUserPassword": true}, props),
}

test_flags_cluster_without_log_exports if {
	count(rule.deny) == 1 with input as cluster({})
	count(rule.deny) == 1 with input as cluster({"engine": "aurora-mysql", "enabledCloudwatchLogsExports": []})
}

test_passes_exported_logs if {
	count(rule.deny) == 0 with input as cluster({"enabledCloudwatchLogsExports": ["postgresql"]})
	count(rule.deny) == 0 with input as cluster({"engine": "aurora-mysql", "enabledCloudwatchLogsExports": ["audit"]})
}

test_unknown_list_is_not_reported if {
	count(rule.deny) == 0 with input as cluster({"enabledCloudwatchLogsExports": unknown})
}
