package aws.msk.cluster_client_authentication

import data.lib.pulumi

# METADATA
# title: MSK clusters authenticate their clients
# description: |
#   An MSK cluster without clientAuthentication, or with
#   clientAuthentication.unauthenticated true, lets any client that reaches a broker
#   produce and consume on every topic: Kafka ACLs cannot tell clients apart. The cluster
#   must use IAM access control (sasl.iam), SASL/SCRAM (sasl.scram) or mutual TLS
#   (tls.certificateAuthorityArns), and leave unauthenticated access off. An unknown
#   setting is not judged.
# scope: document
# custom:
#   id: aws-msk-cluster-client-authentication
#   severity: high
#   concern: auth
#   remediation: Set client_authentication=aws.msk.ClusterClientAuthenticationArgs(sasl=aws.msk.ClusterClientAuthenticationSaslArgs(iam=True), unauthenticated=False) on aws.msk.Cluster.
#   compliance:
#     fsbp: ["MSK.6"]
#     nist-800-53: ["IA-2", "AC-3"]
#     pci-dss: ["8.2.1"]
deny contains msg if {
	input.type in resource_types
	auth := object.get(input.properties, "clientAuthentication", {})
	not pulumi.is_unknown(auth)
	auth.unauthenticated == true
	msg := sprintf("MSK cluster %q allows unauthenticated clients: set clientAuthentication.unauthenticated to false.", [input.name])
}

deny contains msg if {
	input.type in resource_types
	auth := object.get(input.properties, "clientAuthentication", {})
	not pulumi.is_unknown(auth)
	not authenticated(auth)
	not undecidable(auth)
	msg := sprintf("MSK cluster %q names no client authentication, so any client that reaches a broker is served: enable clientAuthentication.sasl.iam, sasl.scram or tls.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:msk/cluster:Cluster"})

authenticated(auth) if auth.sasl.iam == true

authenticated(auth) if auth.sasl.scram == true

authenticated(auth) if count(object.get(object.get(auth, "tls", {}), "certificateAuthorityArns", [])) > 0

undecidable(auth) if pulumi.unknown(auth, "sasl")

undecidable(auth) if pulumi.unknown(auth, "tls")

undecidable(auth) if pulumi.unknown(object.get(auth, "sasl", {}), "iam")

undecidable(auth) if pulumi.unknown(object.get(auth, "sasl", {}), "scram")
