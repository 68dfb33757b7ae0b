package aws.dax.cluster_tls

import data.lib.pulumi

# METADATA
# title: DynamoDB Accelerator clusters encrypt client traffic with TLS
# description: |
#   clusterEndpointEncryptionType NONE (the default) leaves traffic between applications
#   and the DAX cluster unencrypted: table items cross the network in clear. It must be
#   TLS (set at creation). An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-dax-cluster-tls
#   severity: high
#   concern: https
#   remediation: 'Set cluster_endpoint_encryption_type="TLS" on aws.dax.Cluster.'
#   compliance:
#     fsbp: ["DynamoDB.7"]
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	input.type in resource_types
	not pulumi.unknown(input.properties, "clusterEndpointEncryptionType")
	object.get(input.properties, "clusterEndpointEncryptionType", "NONE") != "TLS"
	msg := sprintf("DAX cluster %q serves clients without TLS: set clusterEndpointEncryptionType to TLS.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:dax/cluster:Cluster"})
