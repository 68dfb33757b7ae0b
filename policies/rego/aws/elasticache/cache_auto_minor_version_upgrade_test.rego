package aws.elasticache.cache_auto_minor_version_upgrade_test

import data.aws.elasticache.cache_auto_minor_version_upgrade as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:elasticache/replicationGroup:ReplicationGroup",
	"urn": "urn:pulumi:prod::app::aws:elasticache/replicationGroup:ReplicationGroup::main",
	"name": "main",
	"properties": object.union({"description": "sessions", "nodeType": "cache.t4g.small", "engine": "redis", "engineVersion": "7.1", "numCacheClusters": 2, "automaticFailoverEnabled": true, "atRestEncryptionEnabled": true, "transitEncryptionEnabled": true, "subnetGroupName": "cache-private", "snapshotRetentionLimit": 7}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as object.union(resource({"autoMinorVersionUpgrade": "false"}), {"type": "aws:elasticache/cluster:Cluster"})
	count(rule.deny) == 1 with input as resource({"autoMinorVersionUpgrade": false})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
	count(rule.deny) == 0 with input as resource({"autoMinorVersionUpgrade": true})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"autoMinorVersionUpgrade": unknown})
}
