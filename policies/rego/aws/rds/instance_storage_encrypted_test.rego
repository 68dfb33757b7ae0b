package aws.rds.instance_storage_encrypted_test

import data.aws.rds.instance_storage_encrypted

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

instance(props) := {
	"type": "aws:rds/instance:Instance",
	"urn": "urn:pulumi:prod::api::aws:rds/instance:Instance::orders-db",
	"name": "orders-db",
	"properties": object.union(
		{
			"engine": "postgres",
			"engineVersion": "16.3",
			"instanceClass": "db.t4g.medium",
			"allocatedStorage": 50,
			"username": "app",
			"manageMasterUserPassword": true,
		},
		props,
	),
}

test_flags_unencrypted_instance if {
	count(instance_storage_encrypted.deny) == 1 with input as instance({})
}

test_flags_encryption_off if {
	count(instance_storage_encrypted.deny) == 1 with input as instance({"storageEncrypted": false})
}

test_passes_encrypted_instance if {
	count(instance_storage_encrypted.deny) == 0 with input as instance({
		"storageEncrypted": true,
		"kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12",
	})
}

test_skips_read_replica if {
	count(instance_storage_encrypted.deny) == 0 with input as instance({"replicateSourceDb": "orders-db-primary"})
}

test_skips_replica_of_unknown_source if {
	count(instance_storage_encrypted.deny) == 0 with input as instance({"replicateSourceDb": unknown})
}

test_unknown_encryption_is_not_reported if {
	count(instance_storage_encrypted.deny) == 0 with input as instance({"storageEncrypted": unknown})
}

test_ignores_other_types if {
	count(instance_storage_encrypted.deny) == 0 with input as {"type": "aws:rds/clusterInstance:ClusterInstance", "name": "ci", "properties": {}}
}
