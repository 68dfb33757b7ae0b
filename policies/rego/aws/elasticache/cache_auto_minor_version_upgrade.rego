package aws.elasticache.cache_auto_minor_version_upgrade

import data.lib.pulumi

# METADATA
# title: ElastiCache caches take minor engine upgrades automatically
# description: |
#   autoMinorVersionUpgrade false keeps a cache on its current minor version even when
#   ElastiCache ships one with security fixes. Leave it true (the default). An unknown
#   setting is not judged.
# scope: document
# custom:
#   id: aws-elasticache-cache-auto-minor-version-upgrade
#   severity: medium
#   concern: network
#   remediation: 'Remove auto_minor_version_upgrade=False from aws.elasticache.ReplicationGroup or aws.elasticache.Cluster.'
#   compliance:
#     fsbp: ["ElastiCache.2"]
#     nist-800-53: ["SI-2"]
deny contains msg if {
	input.type in resource_types

	# aws.elasticache.Cluster types this input as a string ("true"/"false", the provider's
	# tri-state), which the conversion to booleans leaves as it is; ReplicationGroup takes a boolean.
	object.get(input.properties, "autoMinorVersionUpgrade", true) in {false, "false"}
	msg := sprintf("ElastiCache %q does not take minor engine upgrades: set autoMinorVersionUpgrade to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/cluster:Cluster"})
