package aws.mskconnect.connector_logging_test

import data.aws.mskconnect.connector_logging as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:mskconnect/connector:Connector",
	"urn": "urn:pulumi:prod::app::aws:mskconnect/connector:Connector::main",
	"name": "main",
	"properties": object.union({"name": "sink", "kafkaconnectVersion": "2.7.1", "serviceExecutionRoleArn": "arn:aws:iam::123456789012:role/connect", "kafkaClusterEncryptionInTransit": {"encryptionType": "TLS"}}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({})
	count(rule.deny) == 1 with input as resource({"logDelivery": {"workerLogDelivery": {"cloudwatchLogs": {"enabled": false}}}})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"logDelivery": {"workerLogDelivery": {"cloudwatchLogs": {"enabled": true, "logGroup": "/msk/connect/sink"}}}})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"logDelivery": {"workerLogDelivery": {"s3": {"enabled": unknown}}}})
}
