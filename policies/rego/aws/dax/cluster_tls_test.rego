package aws.dax.cluster_tls_test

import data.aws.dax.cluster_tls as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:dax/cluster:Cluster",
	"urn": "urn:pulumi:prod::app::aws:dax/cluster:Cluster::main",
	"name": "main",
	"properties": object.union({"clusterName": "cache", "iamRoleArn": "arn:aws:iam::123456789012:role/dax", "nodeType": "dax.r5.large", "replicationFactor": 3, "serverSideEncryption": {"enabled": true}, "clusterEndpointEncryptionType": "TLS"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"clusterEndpointEncryptionType": "NONE"})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"clusterEndpointEncryptionType": unknown})
}
