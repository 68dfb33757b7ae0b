package aws.rds.instance_tls_parameter_group_test

import data.aws.rds.instance_tls_parameter_group as rule

instance(props) := {
	"type": "aws:rds/instance:Instance",
	"urn": "urn:pulumi:prod::api::aws:rds/instance:Instance::orders-db",
	"name": "orders-db",
	"properties": object.union({"instanceClass": "db.t4g.micro", "allocatedStorage": 20, "storageEncrypted": true}, props),
}

test_flags_mysql_on_default_group if {
	count(rule.deny) == 1 with input as instance({"engine": "mysql", "engineVersion": "8.0"})
	count(rule.deny) == 1 with input as instance({"engine": "mariadb", "parameterGroupName": "default.mariadb10.11"})
}

test_flags_old_postgres_on_default_group if {
	count(rule.deny) == 1 with input as instance({"engine": "postgres", "engineVersion": "14.12"})
}

test_passes_own_parameter_group if {
	count(rule.deny) == 0 with input as instance({"engine": "mysql", "parameterGroupName": "mysql-tls"})
}

test_passes_postgres15_default_group if {
	count(rule.deny) == 0 with input as instance({"engine": "postgres", "engineVersion": "16.3"})
	count(rule.deny) == 0 with input as instance({"engine": "postgres"})
}

test_ignores_engines_without_the_setting if {
	count(rule.deny) == 0 with input as instance({"engine": "oracle-ee"})
}

test_unknown_values_are_not_reported if {
	count(rule.deny) == 0 with input as instance({"engine": "mysql", "parameterGroupName": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
	count(rule.deny) == 0 with input as instance({"engine": "postgres", "engineVersion": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
