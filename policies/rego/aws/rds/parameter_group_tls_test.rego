package aws.rds.parameter_group_tls_test

import data.aws.rds.parameter_group_tls as rule

group(family, parameters) := {
	"type": "aws:rds/parameterGroup:ParameterGroup",
	"urn": "urn:pulumi:prod::api::aws:rds/parameterGroup:ParameterGroup::orders",
	"name": "orders",
	"properties": {"family": family, "parameters": parameters},
}

cluster_group(family, parameters) := {
	"type": "aws:rds/clusterParameterGroup:ClusterParameterGroup",
	"urn": "urn:pulumi:prod::api::aws:rds/clusterParameterGroup:ClusterParameterGroup::orders",
	"name": "orders",
	"properties": {"family": family, "parameters": parameters},
}

test_flags_mysql_without_secure_transport if {
	count(rule.deny) == 1 with input as group("mysql8.0", [{"name": "character_set_server", "value": "utf8mb4"}])
}

test_flags_postgres14_without_force_ssl if {
	count(rule.deny) == 1 with input as group("postgres14", [])
}

test_flags_force_ssl_turned_off if {
	count(rule.deny) == 1 with input as group("postgres16", [{"name": "rds.force_ssl", "value": "0"}])
}

test_flags_aurora_mysql_cluster_group if {
	count(rule.deny) == 1 with input as cluster_group("aurora-mysql8.0", [{"name": "require_secure_transport", "value": "OFF"}])
}

test_passes_forced_tls if {
	count(rule.deny) == 0 with input as group("mysql8.0", [{"name": "require_secure_transport", "value": "1"}])
	count(rule.deny) == 0 with input as cluster_group("aurora-postgresql16", [{"name": "rds.force_ssl", "value": "1", "applyMethod": "pending-reboot"}])
	count(rule.deny) == 0 with input as group("mariadb10.11", [{"name": "require_secure_transport", "value": "ON"}])
}

test_passes_postgres15_default if {
	count(rule.deny) == 0 with input as group("postgres15", [])
}

test_ignores_engines_without_the_setting if {
	count(rule.deny) == 0 with input as group("oracle-ee-19", [])
}

test_ignores_aurora_instance_parameter_groups if {
	count(rule.deny) == 0 with input as group("aurora-postgresql16", [{"name": "log_min_duration_statement", "value": "500"}])
	count(rule.deny) == 1 with input as cluster_group("aurora-postgresql16", [])
}

test_checks_multi_az_cluster_groups if {
	count(rule.deny) == 1 with input as cluster_group("mysql8.0", [])
}

test_unknown_parameters_are_not_reported if {
	count(rule.deny) == 0 with input as group("mysql8.0", "04da6b54-80e4-46f7-96ec-b56ff0331ba9")
	count(rule.deny) == 0 with input as group("mysql8.0", [{"name": "require_secure_transport", "value": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}])
}
