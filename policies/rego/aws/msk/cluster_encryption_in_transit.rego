package aws.msk.cluster_encryption_in_transit

import data.lib.pulumi

# METADATA
# title: MSK clusters encrypt traffic between clients and brokers and among brokers
# description: |
#   encryptionInfo.encryptionInTransit.clientBroker PLAINTEXT or TLS_PLAINTEXT lets
#   clients send and read records unencrypted, and inCluster false leaves replication
#   between brokers unencrypted: anyone on the network path reads the data and the
#   SASL/SCRAM credentials. clientBroker must be TLS (the default) and inCluster true
#   (the default). An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-msk-cluster-encryption-in-transit
#   severity: high
#   concern: https
#   remediation: Leave encryption_info.encryption_in_transit at client_broker="TLS" and in_cluster=True (the defaults) on aws.msk.Cluster.
#   compliance:
#     fsbp: ["MSK.1"]
#     nist-800-53: ["SC-8", "SC-13"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	input.type in resource_types
	transit.clientBroker in {"PLAINTEXT", "TLS_PLAINTEXT"}
	msg := sprintf("MSK cluster %q accepts unencrypted client connections (clientBroker %s): set encryptionInfo.encryptionInTransit.clientBroker to TLS.", [input.name, transit.clientBroker])
}

deny contains msg if {
	input.type in resource_types
	transit.inCluster == false
	msg := sprintf("MSK cluster %q replicates between brokers without encryption: set encryptionInfo.encryptionInTransit.inCluster to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:msk/cluster:Cluster"})

transit := object.get(input.properties, ["encryptionInfo", "encryptionInTransit"], {})
