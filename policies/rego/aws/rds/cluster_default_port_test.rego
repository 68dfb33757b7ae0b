package aws.rds.cluster_default_port_test

import data.aws.rds.cluster_default_port as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:rds/cluster:Cluster",
	"urn": "urn:pulumi:prod::app::aws:rds/cluster:Cluster::main",
	"name": "main",
	"properties": object.union({"engine": "aurora-postgresql", "engineVersion": "16.4", "masterUsername": "dbadmin", "manageMasterUserPassword": true, "storageEncrypted": true, "deletionProtection": true, "copyTagsToSnapshot": true, "port": 5433}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"port": 5432})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"port": 5433})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"port": unknown})
}
