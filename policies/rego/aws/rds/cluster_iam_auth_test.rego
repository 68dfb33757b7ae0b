package aws.rds.cluster_iam_auth_test

import data.aws.rds.cluster_iam_auth as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

database(props) := {
	"type": "aws:rds/cluster:Cluster",
	"urn": "urn:pulumi:prod::api::aws:rds/cluster:Cluster::orders-db",
	"name": "orders-db",
	"properties": object.union({"engine": "aurora-postgresql", "masterUsername": "postgres"}, props),
}

test_flags_password_only_database if {
	count(rule.deny) == 1 with input as database({})
	count(rule.deny) == 1 with input as database({"iamDatabaseAuthenticationEnabled": false})
}

test_passes_iam_authentication if {
	count(rule.deny) == 0 with input as database({"iamDatabaseAuthenticationEnabled": true})
}

test_unsupported_engine_is_not_judged if {
	count(rule.deny) == 0 with input as database({"engine": "sqlserver-se"})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as database({"iamDatabaseAuthenticationEnabled": unknown})
}
