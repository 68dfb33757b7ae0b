package aws.elasticache.replication_group_at_rest_encryption

import data.lib.pulumi

# METADATA
# title: ElastiCache replication groups encrypt data at rest
# description: |
#   A Redis OSS/Valkey replication group must have atRestEncryptionEnabled true so that
#   its disk swaps during synchronisation and its backups in S3 are encrypted; the
#   setting can only be chosen when the group is created. Redis OSS groups leave it off
#   unless told (Valkey groups turn it on by default). Secondary members of a global
#   datastore inherit the setting and are not checked.
# scope: document
# custom:
#   id: aws-elasticache-replication-group-at-rest-encryption
#   severity: high
#   concern: encryption
#   remediation: Set at_rest_encryption_enabled=True (with kms_key_id=key.arn for a customer-managed key) on aws.elasticache.ReplicationGroup.
#   compliance:
#     fsbp: ["ElastiCache.4"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	object.get(input.properties, "globalReplicationGroupId", null) == null
	not encrypted_at_rest(input.properties)
	msg := sprintf(
		"ElastiCache replication group %q does not encrypt its data at rest: set atRestEncryptionEnabled to true when creating it (it cannot be turned on later).",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:elasticache/replicationGroup:ReplicationGroup"})

encrypted_at_rest(props) if props.atRestEncryptionEnabled == true

encrypted_at_rest(props) if pulumi.unknown(props, "atRestEncryptionEnabled")

# Valkey groups default to encryption at rest; Redis OSS groups (the default engine) do not.
encrypted_at_rest(props) if {
	pulumi.absent(props, "atRestEncryptionEnabled")
	props.engine == "valkey"
}

encrypted_at_rest(props) if {
	pulumi.absent(props, "atRestEncryptionEnabled")
	pulumi.unknown(props, "engine")
}
