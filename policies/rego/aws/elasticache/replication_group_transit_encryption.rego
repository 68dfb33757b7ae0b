package aws.elasticache.replication_group_transit_encryption

import data.lib.pulumi

# METADATA
# title: ElastiCache replication groups encrypt traffic in transit
# description: |
#   A Redis/Valkey replication group must have transitEncryptionEnabled true so that
#   clients and replicas talk TLS; without it, cached data and AUTH tokens cross the
#   network in clear text. transitEncryptionMode "preferred" (a migration setting that
#   still accepts unencrypted clients) is flagged too. Secondary members of a global
#   datastore (globalReplicationGroupId set) inherit the setting from the global
#   datastore and are not checked.
# scope: document
# custom:
#   id: aws-elasticache-replication-group-transit-encryption
#   severity: high
#   concern: https
#   remediation: Set transitEncryptionEnabled to true (and transitEncryptionMode to "required", or leave it unset).
#   compliance:
#     fsbp: ["ElastiCache.5"]
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	is_primary_group
	pulumi.is_false(input.properties, "transitEncryptionEnabled")
	msg := sprintf("ElastiCache replication group %q does not encrypt traffic in transit: set transitEncryptionEnabled to true so that clients and replicas must use TLS.", [input.name])
}

deny contains msg if {
	is_primary_group
	input.properties.transitEncryptionEnabled == true
	input.properties.transitEncryptionMode == "preferred"
	msg := sprintf("ElastiCache replication group %q still accepts unencrypted connections (transitEncryptionMode \"preferred\"): set transitEncryptionMode to \"required\" once clients use TLS.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:elasticache/replicationGroup:ReplicationGroup"})

is_primary_group if {
	input.type in resource_types
	not has_global_group
}

# A secondary of a global datastore (also while the global datastore id is unknown).
has_global_group if object.get(input.properties, "globalReplicationGroupId", null) != null
