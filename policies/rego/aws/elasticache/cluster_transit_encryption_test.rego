package aws.elasticache.cluster_transit_encryption_test

import data.aws.elasticache.cluster_transit_encryption as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

cluster(properties) := {"type": "aws:elasticache/cluster:Cluster", "name": "sessions", "properties": properties}

test_redis_cluster_on_its_own_is_flagged if {
	count(rule.deny) == 1 with input as cluster({"engine": "redis", "nodeType": "cache.t3.micro", "numCacheNodes": 1})
}

test_valkey_cluster_on_its_own_is_flagged if {
	count(rule.deny) == 1 with input as cluster({"engine": "valkey", "nodeType": "cache.t4g.micro", "numCacheNodes": 1})
}

test_memcached_cluster_without_transit_encryption_is_flagged if {
	count(rule.deny) == 1 with input as cluster({"engine": "memcached", "engineVersion": "1.6.22", "numCacheNodes": 2})
	count(rule.deny) == 1 with input as cluster({"engine": "memcached", "numCacheNodes": 2, "transitEncryptionEnabled": false})
}

test_memcached_cluster_with_transit_encryption_passes if {
	count(rule.deny) == 0 with input as cluster({"engine": "memcached", "engineVersion": "1.6.22", "transitEncryptionEnabled": true})
}

test_a_cluster_in_a_replication_group_takes_the_groups_setting if {
	count(rule.deny) == 0 with input as cluster({"replicationGroupId": "sessions-rg"})
	count(rule.deny) == 0 with input as cluster({"engine": "redis", "replicationGroupId": unknown})
}

test_unknown_transit_setting_is_not_judged if {
	count(rule.deny) == 0 with input as cluster({"engine": "memcached", "transitEncryptionEnabled": unknown})
}

test_redis_cluster_with_transit_encryption_passes if {
	count(rule.deny) == 0 with input as cluster({"engine": "redis", "engineVersion": "7.1", "transitEncryptionEnabled": true})
}

test_other_types_are_not_judged if {
	count(rule.deny) == 0 with input as {"type": "aws:elasticache/replicationGroup:ReplicationGroup", "name": "rg", "properties": {"engine": "redis"}}
}
