package aws.elasticache.cache_engine_end_of_life_test

import data.aws.elasticache.cache_engine_end_of_life as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

group(props) := {
	"type": "aws:elasticache/replicationGroup:ReplicationGroup",
	"urn": "urn:pulumi:prod::api::aws:elasticache/replicationGroup:ReplicationGroup::sessions",
	"name": "sessions",
	"properties": object.union({"description": "sessions", "nodeType": "cache.t4g.small", "engine": "redis"}, props),
}

test_flags_end_of_life_redis if {
	count(rule.deny) == 1 with input as group({"engineVersion": "5.0.6"})
	count(rule.deny) == 1 with input as object.union(group({"engineVersion": "4.0.10"}), {"type": "aws:elasticache/cluster:Cluster"})
	count(rule.deny) == 1 with input as group({"engineVersion": "3.2.10"})
}

test_passes_supported_versions_and_other_engines if {
	count(rule.deny) == 0 with input as group({"engineVersion": "7.1"})
	count(rule.deny) == 0 with input as group({"engineVersion": "6.x"})
	count(rule.deny) == 0 with input as group({"engine": "valkey", "engineVersion": "8.0"})
	count(rule.deny) == 0 with input as group({"engine": "memcached", "engineVersion": "1.6.22"})
	count(rule.deny) == 0 with input as group({})
}

test_unknown_version_is_not_reported if {
	count(rule.deny) == 0 with input as group({"engineVersion": unknown})
}
