package aws.rds.instance_deletion_protection_test

import data.aws.rds.instance_deletion_protection as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

database(props) := {
	"type": "aws:rds/instance:Instance",
	"urn": "urn:pulumi:prod::api::aws:rds/instance:Instance::orders-db",
	"name": "orders-db",
	"properties": object.union({"engine": "postgres", "instanceClass": "db.t4g.micro", "allocatedStorage": 20}, props),
}

test_flags_unprotected_database if {
	count(rule.deny) == 1 with input as database({})
	count(rule.deny) == 1 with input as database({"deletionProtection": false})
}

test_passes_protected_database if {
	count(rule.deny) == 0 with input as database({"deletionProtection": true})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as database({"deletionProtection": unknown})
}
