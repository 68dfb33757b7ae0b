package aws.apigateway.stage_access_logs

import data.lib.pulumi

# METADATA
# title: API Gateway REST stages write structured access logs
# description: |
#   A REST API stage must send access logs (who called what, when, with which
#   result) to CloudWatch Logs or Firehose, in a JSON format so that the log
#   pipeline and SIEM can query the fields. A CLF or XML format is flagged, as
#   is any format that is not a JSON object once its $context variables are
#   filled in.
# scope: document
# custom:
#   id: aws-apigateway-stage-access-logs
#   severity: medium
#   concern: logging
#   remediation: Set accessLogSettings.destinationArn to a log group ARN and accessLogSettings.format to a JSON object of $context variables.
#   compliance:
#     nist-800-53: ["AU-2", "AU-3", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	is_stage
	pulumi.absent(input.properties, "accessLogSettings")
	msg := sprintf("API Gateway stage %q has no access logs: set accessLogSettings with a destinationArn (CloudWatch log group) and a JSON format.", [input.name])
}

deny contains msg if {
	is_stage
	settings := known_settings
	pulumi.absent(settings, "destinationArn")
	msg := sprintf("API Gateway stage %q has accessLogSettings without a destinationArn: set it to the ARN of a CloudWatch log group or Firehose stream.", [input.name])
}

deny contains msg if {
	is_stage
	settings := known_settings
	not pulumi.unknown(settings, "format")
	not json_object_format(object.get(settings, "format", null))
	msg := sprintf("API Gateway stage %q does not log in JSON: set accessLogSettings.format to a JSON object of $context variables, e.g. {\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:apigateway/stage:Stage"})

is_stage if input.type in resource_types

# known_settings is accessLogSettings when it is an object (not absent, not unknown).
known_settings := s if {
	s := input.properties.accessLogSettings
	is_object(s)
}

# A $context variable such as $context.requestId or $context.identity.sourceIp.
context_variable := `\$context(\.[A-Za-z0-9_-]+)+`

# json_object_format(format) holds when the format is a JSON object once every $context
# variable is replaced by a value (0 keeps both quoted and unquoted placements valid).
json_object_format(format) if {
	is_string(format)
	filled := regex.replace(format, context_variable, "0")
	json.is_valid(filled)
	is_object(json.unmarshal(filled))
}
