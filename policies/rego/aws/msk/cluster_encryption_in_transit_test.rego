package aws.msk.cluster_encryption_in_transit_test

import data.aws.msk.cluster_encryption_in_transit as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

cluster(transit) := {
	"type": "aws:msk/cluster:Cluster",
	"urn": "urn:pulumi:prod::events::aws:msk/cluster:Cluster::events",
	"name": "events",
	"properties": {"clusterName": "events", "kafkaVersion": "3.6.0", "numberOfBrokerNodes": 3, "encryptionInfo": {"encryptionInTransit": transit}},
}

test_flags_plaintext_clients if {
	count(rule.deny) == 1 with input as cluster({"clientBroker": "PLAINTEXT"})
	count(rule.deny) == 1 with input as cluster({"clientBroker": "TLS_PLAINTEXT", "inCluster": true})
}

test_flags_unencrypted_replication if {
	count(rule.deny) == 1 with input as cluster({"clientBroker": "TLS", "inCluster": false})
}

test_passes_tls_everywhere if {
	count(rule.deny) == 0 with input as cluster({"clientBroker": "TLS", "inCluster": true})
	count(rule.deny) == 0 with input as cluster({})
	count(rule.deny) == 0 with input as {"type": "aws:msk/cluster:Cluster", "name": "events", "properties": {"clusterName": "events"}}
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as cluster({"clientBroker": unknown, "inCluster": unknown})
}
