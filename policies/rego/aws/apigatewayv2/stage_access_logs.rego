package aws.apigatewayv2.stage_access_logs

import data.lib.pulumi

# METADATA
# title: API Gateway HTTP and WebSocket stages write access logs
# description: |
#   An HTTP or WebSocket API stage must send access logs to CloudWatch Logs:
#   accessLogSettings needs both a destinationArn and a format (ideally a JSON
#   object of $context variables), otherwise who called which route with which
#   result is not recorded anywhere.
# scope: document
# custom:
#   id: aws-apigatewayv2-stage-access-logs
#   severity: medium
#   concern: logging
#   remediation: Set accessLogSettings.destinationArn to a CloudWatch log group ARN and accessLogSettings.format to a JSON object of $context variables.
#   compliance:
#     nist-800-53: ["AU-2", "AU-3", "AU-12"]
#     pci-dss: ["10.2.1"]
#     fsbp: ["APIGateway.9"]
deny contains msg if {
	is_stage
	pulumi.absent(input.properties, "accessLogSettings")
	msg := sprintf("API Gateway v2 stage %q has no access logs: set accessLogSettings with a destinationArn (CloudWatch log group) and a JSON format.", [input.name])
}

deny contains msg if {
	is_stage
	settings := input.properties.accessLogSettings
	is_object(settings)
	some key in ["destinationArn", "format"]
	missing(settings, key)
	msg := sprintf("API Gateway v2 stage %q has accessLogSettings without %s: set both destinationArn (CloudWatch log group) and format.", [input.name, key])
}

resource_types := pulumi.with_aliases({"aws:apigatewayv2/stage:Stage"})

is_stage if input.type in resource_types

missing(settings, key) if pulumi.absent(settings, key)

missing(settings, key) if settings[key] == ""
