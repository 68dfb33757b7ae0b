package aws.mskconnect.connector_logging

import data.lib.pulumi

# METADATA
# title: MSK Connect connectors deliver their worker logs
# description: |
#   A connector without logDelivery.workerLogDelivery to CloudWatch Logs, Firehose or S3
#   keeps no record of its tasks' errors, retries and the records it skipped. Enable at
#   least one destination. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-mskconnect-connector-logging
#   severity: low
#   concern: logging
#   remediation: 'Set log_delivery.worker_log_delivery.cloudwatch_logs=aws.mskconnect.ConnectorLogDeliveryWorkerLogDeliveryCloudwatchLogsArgs(enabled=True, log_group=group.name) on aws.mskconnect.Connector.'
#   compliance:
#     fsbp: ["MSK.5"]
#     nist-800-53: ["AU-2", "AU-12"]
deny contains msg if {
	input.type in resource_types
	delivery := object.get(input.properties, ["logDelivery", "workerLogDelivery"], {})
	not pulumi.is_unknown(delivery)
	not pulumi.unknown(input.properties, "logDelivery")
	not delivering(delivery)
	msg := sprintf("MSK Connect connector %q delivers no worker logs: enable logDelivery.workerLogDelivery to CloudWatch Logs, Firehose or S3.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:mskconnect/connector:Connector"})

delivering(delivery) if {
	some destination in ["cloudwatchLogs", "firehose", "s3"]
	enabled := object.get(delivery, [destination, "enabled"], false)
	enabled_or_unknown(enabled)
}

enabled_or_unknown(true)

enabled_or_unknown(value) if pulumi.is_unknown(value)
