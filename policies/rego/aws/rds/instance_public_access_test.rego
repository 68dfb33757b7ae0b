package aws.rds.instance_public_access_test

import data.aws.rds.instance_public_access as rule

instance(props) := {
	"type": "aws:rds/instance:Instance",
	"urn": "urn:pulumi:prod::api::aws:rds/instance:Instance::orders-db",
	"name": "orders-db",
	"properties": object.union({"engine": "postgres", "instanceClass": "db.t4g.micro", "allocatedStorage": 20, "storageEncrypted": true}, props),
}

test_flags_public_instance if {
	count(rule.deny) == 1 with input as instance({"publiclyAccessible": true})
}

test_passes_private_instance if {
	count(rule.deny) == 0 with input as instance({"publiclyAccessible": false})
	count(rule.deny) == 0 with input as instance({})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as instance({"publiclyAccessible": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
