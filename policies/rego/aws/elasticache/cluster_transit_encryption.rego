package aws.elasticache.cluster_transit_encryption

import data.lib.pulumi

# METADATA
# title: ElastiCache clusters encrypt traffic in transit
# description: |
#   A cache cluster that is not part of a replication group (aws.elasticache.Cluster
#   without replicationGroupId) must have transitEncryptionEnabled true; without it,
#   cached data and credentials cross the network in clear text. Memcached supports it
#   from 1.6.12 in a VPC. Where a Redis OSS or Valkey version cannot encrypt a cluster
#   created on its own, a replication group can: that is the way to TLS for them. A
#   cluster that joins a replication group takes the group's setting, which
#   aws-elasticache-replication-group-transit-encryption judges.
# scope: document
# custom:
#   id: aws-elasticache-cluster-transit-encryption
#   severity: high
#   concern: https
#   remediation: Set transitEncryptionEnabled to true on the cluster, or, for Redis OSS and Valkey, create an aws.elasticache.ReplicationGroup with transitEncryptionEnabled true instead of a standalone Cluster.
#   compliance:
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	input.type in resource_types
	object.get(input.properties, "replicationGroupId", null) == null
	pulumi.is_false(input.properties, "transitEncryptionEnabled")
	msg := sprintf(
		"ElastiCache cluster %q does not encrypt traffic in transit: set transitEncryptionEnabled to true, or (Redis OSS, Valkey) create a ReplicationGroup with transitEncryptionEnabled true instead.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:elasticache/cluster:Cluster"})
