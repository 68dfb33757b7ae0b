package aws.redshift.cluster_encrypted

import data.lib.pulumi

# METADATA
# title: Redshift clusters encrypt their data at rest
# description: |
#   A provisioned cluster with encrypted false keeps its blocks, system metadata and
#   snapshots unencrypted at rest. The provider encrypts new clusters unless told
#   otherwise, so only an explicit encrypted = false is reported.
# scope: document
# custom:
#   id: aws-redshift-cluster-encrypted
#   severity: high
#   concern: encryption
#   remediation: Remove encrypted=False from aws.redshift.Cluster (or set it to True) and set kms_key_id=key.arn for a customer-managed key.
#   compliance:
#     fsbp: ["Redshift.10"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	input.properties.encrypted == false
	msg := sprintf(
		"Redshift cluster %q does not encrypt its data at rest (encrypted = false): set encrypted to true with kmsKeyId for a customer-managed key.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:redshift/cluster:Cluster"})
