package aws.msk.cluster_client_authentication_test

import data.aws.msk.cluster_client_authentication as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

cluster(props) := {
	"type": "aws:msk/cluster:Cluster",
	"urn": "urn:pulumi:prod::events::aws:msk/cluster:Cluster::events",
	"name": "events",
	"properties": object.union({"clusterName": "events", "kafkaVersion": "3.6.0", "numberOfBrokerNodes": 3}, props),
}

test_flags_cluster_without_client_authentication if {
	count(rule.deny) == 1 with input as cluster({})
	count(rule.deny) == 1 with input as cluster({"clientAuthentication": {"sasl": {"iam": false}}})
}

test_flags_unauthenticated_access if {
	count(rule.deny) == 1 with input as cluster({"clientAuthentication": {"sasl": {"iam": true}, "unauthenticated": true}})
	count(rule.deny) == 2 with input as cluster({"clientAuthentication": {"unauthenticated": true}})
}

test_passes_authenticated_clients if {
	count(rule.deny) == 0 with input as cluster({"clientAuthentication": {"sasl": {"iam": true}}})
	count(rule.deny) == 0 with input as cluster({"clientAuthentication": {"sasl": {"scram": true}, "unauthenticated": false}})
	count(rule.deny) == 0 with input as cluster({"clientAuthentication": {"tls": {"certificateAuthorityArns": ["arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/abc"]}}})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as cluster({"clientAuthentication": unknown})
	count(rule.deny) == 0 with input as cluster({"clientAuthentication": {"sasl": {"iam": unknown}}})
}
