package aws.msk.cluster_enhanced_monitoring_test

import data.aws.msk.cluster_enhanced_monitoring as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:msk/cluster:Cluster",
	"urn": "urn:pulumi:prod::app::aws:msk/cluster:Cluster::main",
	"name": "main",
	"properties": object.union({"clusterName": "events", "kafkaVersion": "3.6.0", "numberOfBrokerNodes": 3, "clientAuthentication": {"sasl": {"iam": true}}}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({})
	count(rule.deny) == 1 with input as resource({"enhancedMonitoring": "DEFAULT"})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"enhancedMonitoring": "PER_BROKER"})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"enhancedMonitoring": unknown})
}
