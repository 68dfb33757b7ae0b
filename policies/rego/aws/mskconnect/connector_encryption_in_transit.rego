package aws.mskconnect.connector_encryption_in_transit

import data.lib.pulumi

# METADATA
# title: MSK Connect connectors talk to the cluster over TLS
# description: |
#   kafkaClusterEncryptionInTransit.encryptionType PLAINTEXT sends the records a connector
#   reads and writes, and its credentials, unencrypted between the connector's workers and
#   the brokers. It must be TLS. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-mskconnect-connector-encryption-in-transit
#   severity: high
#   concern: https
#   remediation: 'Set kafka_cluster_encryption_in_transit=aws.mskconnect.ConnectorKafkaClusterEncryptionInTransitArgs(encryption_type="TLS") on aws.mskconnect.Connector.'
#   compliance:
#     fsbp: ["MSK.3"]
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	input.type in resource_types
	mode := object.get(input.properties, ["kafkaClusterEncryptionInTransit", "encryptionType"], "PLAINTEXT")
	not pulumi.is_unknown(mode)
	not pulumi.unknown(input.properties, "kafkaClusterEncryptionInTransit")
	mode != "TLS"
	msg := sprintf("MSK Connect connector %q talks to the cluster without TLS: set kafkaClusterEncryptionInTransit.encryptionType to TLS.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:mskconnect/connector:Connector"})
