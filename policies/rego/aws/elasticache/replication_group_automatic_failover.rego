package aws.elasticache.replication_group_automatic_failover

import data.lib.pulumi

# METADATA
# title: ElastiCache replication groups fail over automatically
# description: |
#   Without automaticFailoverEnabled (off by default), the loss of a primary node leaves
#   the replication group read-only until someone promotes a replica by hand. It must be
#   true, with at least one replica. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-elasticache-replication-group-automatic-failover
#   severity: low
#   concern: network
#   remediation: 'Set automatic_failover_enabled=True and num_cache_clusters=2 or more (or multi_az_enabled=True) on aws.elasticache.ReplicationGroup.'
#   compliance:
#     fsbp: ["ElastiCache.3"]
#     nist-800-53: ["CP-10", "SC-5"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "automaticFailoverEnabled")
	msg := sprintf("ElastiCache replication group %q does not fail over automatically: set automaticFailoverEnabled to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:elasticache/replicationGroup:ReplicationGroup"})
