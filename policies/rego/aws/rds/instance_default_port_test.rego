package aws.rds.instance_default_port_test

import data.aws.rds.instance_default_port as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:rds/instance:Instance",
	"urn": "urn:pulumi:prod::app::aws:rds/instance:Instance::main",
	"name": "main",
	"properties": object.union({"engine": "postgres", "engineVersion": "16.4", "instanceClass": "db.t4g.medium", "allocatedStorage": 50, "storageEncrypted": true, "username": "dbadmin", "manageMasterUserPassword": true, "deletionProtection": true, "multiAz": true, "monitoringInterval": 60, "backupRetentionPeriod": 14, "copyTagsToSnapshot": true, "port": 5433}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"port": 5432})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"port": 5433})
}

test_aurora_instances_are_left_to_the_cluster if {
	count(rule.deny) == 0 with input as resource({"engine": "aurora-postgresql", "port": 5432, "copyTagsToSnapshot": false})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"port": unknown})
}
