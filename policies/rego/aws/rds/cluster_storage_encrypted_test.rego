package aws.rds.cluster_storage_encrypted_test

import data.aws.rds.cluster_storage_encrypted

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

cluster(props) := {
	"type": "aws:rds/cluster:Cluster",
	"urn": "urn:pulumi:prod::api::aws:rds/cluster:Cluster::orders",
	"name": "orders",
	"properties": object.union(
		{
			"engine": "aurora-postgresql",
			"engineVersion": "16.4",
			"masterUsername": "app",
			"manageMasterUserPassword": true,
		},
		props,
	),
}

test_flags_unencrypted_cluster if {
	count(cluster_storage_encrypted.deny) == 1 with input as cluster({})
}

test_flags_encryption_off_provisioned if {
	count(cluster_storage_encrypted.deny) == 1 with input as cluster({"engineMode": "provisioned", "storageEncrypted": false})
}

test_passes_encrypted_cluster if {
	count(cluster_storage_encrypted.deny) == 0 with input as cluster({
		"storageEncrypted": true,
		"kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12",
	})
}

test_passes_serverless_v1 if {
	count(cluster_storage_encrypted.deny) == 0 with input as cluster({"engineMode": "serverless"})
}

test_unknown_encryption_is_not_reported if {
	count(cluster_storage_encrypted.deny) == 0 with input as cluster({"storageEncrypted": unknown})
}

test_unknown_engine_mode_is_not_reported if {
	count(cluster_storage_encrypted.deny) == 0 with input as cluster({"engineMode": unknown})
}

test_ignores_other_types if {
	count(cluster_storage_encrypted.deny) == 0 with input as {"type": "aws:rds/clusterInstance:ClusterInstance", "name": "ci", "properties": {}}
}
