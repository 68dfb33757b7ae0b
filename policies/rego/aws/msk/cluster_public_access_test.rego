package aws.msk.cluster_public_access_test

import data.aws.msk.cluster_public_access as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

cluster(connectivity) := {
	"type": "aws:msk/cluster:Cluster",
	"urn": "urn:pulumi:prod::events::aws:msk/cluster:Cluster::events",
	"name": "events",
	"properties": {
		"clusterName": "events", "kafkaVersion": "3.6.0", "numberOfBrokerNodes": 3,
		"brokerNodeGroupInfo": object.union({"instanceType": "kafka.m5.large", "clientSubnets": ["subnet-a", "subnet-b", "subnet-c"], "securityGroups": ["sg-1"]}, connectivity),
	},
}

test_flags_public_brokers if {
	count(rule.deny) == 1 with input as cluster({"connectivityInfo": {"publicAccess": {"type": "SERVICE_PROVIDED_EIPS"}}})
}

test_passes_private_brokers if {
	count(rule.deny) == 0 with input as cluster({})
	count(rule.deny) == 0 with input as cluster({"connectivityInfo": {"publicAccess": {"type": "DISABLED"}}})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as cluster({"connectivityInfo": {"publicAccess": {"type": unknown}}})
}
