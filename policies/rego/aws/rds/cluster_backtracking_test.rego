package aws.rds.cluster_backtracking_test

import data.aws.rds.cluster_backtracking as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:rds/cluster:Cluster",
	"urn": "urn:pulumi:prod::app::aws:rds/cluster:Cluster::main",
	"name": "main",
	"properties": object.union({"engine": "aurora-mysql", "engineVersion": "8.0.mysql_aurora.3.05.2", "masterUsername": "dbadmin", "manageMasterUserPassword": true, "storageEncrypted": true, "deletionProtection": true, "copyTagsToSnapshot": true, "port": 3307}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({})
	count(rule.deny) == 1 with input as resource({"backtrackWindow": 0})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"backtrackWindow": 86400})
	count(rule.deny) == 0 with input as resource({"engine": "aurora-postgresql"})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"backtrackWindow": unknown})
}
