package aws.rds.instance_storage_encrypted

import data.lib.pulumi

# METADATA
# title: RDS instances encrypt their storage
# description: |
#   An RDS instance without storageEncrypted keeps its data, automated backups,
#   snapshots and logs unencrypted, and encryption cannot be turned on later without
#   a snapshot copy and restore. Read replicas (replicateSourceDb) inherit the
#   encryption of their source and are not checked.
# scope: document
# custom:
#   id: aws-rds-instance-storage-encrypted
#   severity: high
#   concern: encryption
#   remediation: Set storageEncrypted to true and kmsKeyId to a customer-managed KMS key.
#   compliance:
#     fsbp: ["RDS.3"]
#     cis-aws-foundations: ["2.3.1"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "replicateSourceDb")
	pulumi.is_false(input.properties, "storageEncrypted")
	msg := sprintf(
		"RDS instance %q does not encrypt its storage: set storageEncrypted to true (with kmsKeyId for a customer-managed key).",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})
