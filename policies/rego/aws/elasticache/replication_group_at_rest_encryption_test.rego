package aws.elasticache.replication_group_at_rest_encryption_test

import data.aws.elasticache.replication_group_at_rest_encryption as rule

group(props) := {
	"type": "aws:elasticache/replicationGroup:ReplicationGroup",
	"urn": "urn:pulumi:prod::api::aws:elasticache/replicationGroup:ReplicationGroup::sessions",
	"name": "sessions",
	"properties": object.union({"description": "sessions", "nodeType": "cache.t4g.small", "numCacheClusters": 2}, props),
}

test_flags_redis_group_without_setting if {
	count(rule.deny) == 1 with input as group({"engine": "redis", "transitEncryptionEnabled": true})
}

test_flags_encryption_turned_off if {
	count(rule.deny) == 1 with input as group({"engine": "valkey", "atRestEncryptionEnabled": false})
}

test_passes_encrypted_group if {
	count(rule.deny) == 0 with input as group({"engine": "redis", "atRestEncryptionEnabled": true})
}

test_passes_valkey_default if {
	count(rule.deny) == 0 with input as group({"engine": "valkey"})
}

test_skips_global_datastore_secondary if {
	count(rule.deny) == 0 with input as group({"globalReplicationGroupId": "ldgnf-sessions"})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as group({"atRestEncryptionEnabled": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
