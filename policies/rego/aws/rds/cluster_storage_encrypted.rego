package aws.rds.cluster_storage_encrypted

import data.lib.pulumi

# METADATA
# title: RDS clusters encrypt their storage
# description: |
#   An Aurora or Multi-AZ DB cluster without storageEncrypted keeps its data,
#   backups and snapshots unencrypted, and encryption cannot be turned on later
#   without a snapshot restore. Aurora Serverless v1 clusters (engineMode
#   "serverless") are always encrypted and pass.
# scope: document
# custom:
#   id: aws-rds-cluster-storage-encrypted
#   severity: high
#   concern: encryption
#   remediation: Set storageEncrypted to true and kmsKeyId to a customer-managed KMS key.
#   compliance:
#     fsbp: ["RDS.27"]
#     cis-aws-foundations: ["2.3.1"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	not always_encrypted(input.properties)
	pulumi.is_false(input.properties, "storageEncrypted")
	msg := sprintf(
		"RDS cluster %q does not encrypt its storage: set storageEncrypted to true (with kmsKeyId for a customer-managed key).",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:rds/cluster:Cluster"})

# Aurora Serverless v1 is always encrypted; an unknown engine mode cannot be judged.
always_encrypted(props) if props.engineMode == "serverless"

always_encrypted(props) if pulumi.unknown(props, "engineMode")
