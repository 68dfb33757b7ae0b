package aws.elasticache.cache_backups

import data.lib.pulumi

# METADATA
# title: ElastiCache Redis OSS and Valkey caches keep automatic backups
# description: |
#   With snapshotRetentionLimit 0 (the default), a Redis OSS or Valkey cache keeps no
#   automatic snapshot: a flush, a bad deployment or a lost node takes the data with it.
#   snapshotRetentionLimit must be at least 1 day. Memcached, which cannot be backed up,
#   and unknown settings are not judged.
# scope: document
# custom:
#   id: aws-elasticache-cache-backups
#   severity: low
#   concern: iam
#   remediation: 'Set snapshot_retention_limit=7 (days) on aws.elasticache.ReplicationGroup or aws.elasticache.Cluster.'
#   compliance:
#     fsbp: ["ElastiCache.1"]
#     nist-800-53: ["CP-9", "CP-10"]
deny contains msg if {
	input.type in resource_types
	lower(object.get(input.properties, "engine", "redis")) != "memcached"
	pulumi.absent(input.properties, "replicationGroupId")
	not pulumi.unknown(input.properties, "snapshotRetentionLimit")
	object.get(input.properties, "snapshotRetentionLimit", 0) < 1
	msg := sprintf("ElastiCache %q keeps no automatic backups: set snapshotRetentionLimit to at least 1 day.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/cluster:Cluster"})
