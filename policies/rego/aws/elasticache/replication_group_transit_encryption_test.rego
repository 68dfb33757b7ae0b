package aws.elasticache.replication_group_transit_encryption_test

import data.aws.elasticache.replication_group_transit_encryption

group(props) := {
	"type": "aws:elasticache/replicationGroup:ReplicationGroup",
	"urn": "urn:pulumi:prod::cache::aws:elasticache/replicationGroup:ReplicationGroup::sessions",
	"name": "sessions",
	"properties": object.union(
		{
			"description": "session cache",
			"engine": "valkey",
			"nodeType": "cache.t4g.small",
			"numCacheClusters": 2,
			"automaticFailoverEnabled": true,
			"atRestEncryptionEnabled": true,
		},
		props,
	),
}

test_flags_missing_transit_encryption if {
	count(replication_group_transit_encryption.deny) == 1 with input as group({})
}

test_flags_disabled_transit_encryption if {
	count(replication_group_transit_encryption.deny) == 1 with input as group({"transitEncryptionEnabled": false})
}

test_flags_preferred_mode if {
	count(replication_group_transit_encryption.deny) == 1 with input as group({"transitEncryptionEnabled": true, "transitEncryptionMode": "preferred"})
}

test_passes_transit_encryption if {
	count(replication_group_transit_encryption.deny) == 0 with input as group({"transitEncryptionEnabled": true})
	count(replication_group_transit_encryption.deny) == 0 with input as group({"transitEncryptionEnabled": true, "transitEncryptionMode": "required"})
}

test_unknown_setting_is_not_reported if {
	count(replication_group_transit_encryption.deny) == 0 with input as group({"transitEncryptionEnabled": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_global_datastore_secondary if {
	count(replication_group_transit_encryption.deny) == 0 with input as group({"globalReplicationGroupId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(replication_group_transit_encryption.deny) == 0 with input as {"type": "aws:elasticache/cluster:Cluster", "name": "c", "properties": {}}
}
