package aws.dax.cluster_encryption

import data.lib.pulumi

# METADATA
# title: DynamoDB Accelerator clusters encrypt their cache at rest
# description: |
#   A DAX cluster without serverSideEncryption.enabled keeps cached items, copies of the
#   table's data, unencrypted on its nodes' disks. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-dax-cluster-encryption
#   severity: medium
#   concern: encryption
#   remediation: 'Set server_side_encryption=aws.dax.ClusterServerSideEncryptionArgs(enabled=True) on aws.dax.Cluster.'
#   compliance:
#     fsbp: ["DynamoDB.3"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	sse := object.get(input.properties, "serverSideEncryption", {})
	not pulumi.is_unknown(sse)
	pulumi.is_false(sse, "enabled")
	msg := sprintf("DAX cluster %q does not encrypt its cache at rest: set serverSideEncryption.enabled to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:dax/cluster:Cluster"})
