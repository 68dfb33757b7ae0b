package aws.rds.instance_iam_auth_test

import data.aws.rds.instance_iam_auth as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

database(props) := {
	"type": "aws:rds/instance:Instance",
	"urn": "urn:pulumi:prod::api::aws:rds/instance:Instance::orders-db",
	"name": "orders-db",
	"properties": object.union({"engine": "postgres", "instanceClass": "db.t4g.micro", "allocatedStorage": 20}, props),
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
