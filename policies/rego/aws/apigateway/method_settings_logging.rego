package aws.apigateway.method_settings_logging

import data.lib.pulumi

# METADATA
# title: API Gateway method settings log executions without payloads
# description: |
#   Method settings must turn CloudWatch execution logging on (loggingLevel ERROR
#   or INFO; absent means OFF), and must not turn on data tracing: dataTraceEnabled
#   writes full request and response payloads, including bearer tokens, API keys
#   and personal data, into CloudWatch Logs. Execution logging also needs the
#   account's CloudWatch role (aws.apigateway.Account cloudwatchRoleArn).
# scope: document
# custom:
#   id: aws-apigateway-method-settings-logging
#   severity: medium
#   concern: logging
#   remediation: Set settings.loggingLevel to "ERROR" or "INFO" and leave settings.dataTraceEnabled false.
#   compliance:
#     nist-800-53: ["AU-2", "AU-3(3)", "AU-12"]
#     pci-dss: ["10.2.1"]
#     fsbp: ["APIGateway.1"]
deny contains msg if {
	is_method_settings
	settings := known_settings
	not pulumi.unknown(settings, "loggingLevel")
	not object.get(settings, "loggingLevel", null) in {"ERROR", "INFO"}
	msg := sprintf("API Gateway method settings %q leave execution logging off: set settings.loggingLevel to \"ERROR\" or \"INFO\".", [input.name])
}

deny contains msg if {
	is_method_settings
	known_settings.dataTraceEnabled == true
	msg := sprintf("API Gateway method settings %q log full request and response payloads (tokens, personal data): set settings.dataTraceEnabled to false.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:apigateway/methodSettings:MethodSettings"})

is_method_settings if input.type in resource_types

# known_settings is the settings object; {} when absent, undefined when unknown.
known_settings := s if {
	s := object.get(input.properties, "settings", null)
	is_object(s)
}

known_settings := {} if pulumi.absent(input.properties, "settings")
