package aws.apigateway.method_settings_throttling

import data.lib.pulumi

# METADATA
# title: API Gateway method settings throttle requests
# description: |
#   Method settings must set both settings.throttlingBurstLimit and
#   settings.throttlingRateLimit; absent or -1 means unlimited, and the stage then
#   only shares the account-wide regional quota with every other API, so one
#   flooded or abused API can exhaust capacity and backend cost (OWASP
#   API4:2023 Unrestricted Resource Consumption). Concern is network: throttling
#   is a traffic-admission control at the edge, not authentication or logging.
#   A limit of 0 is not flagged here: it deliberately blocks the method.
# scope: document
# custom:
#   id: aws-apigateway-method-settings-throttling
#   severity: medium
#   concern: network
#   remediation: Set settings.throttlingBurstLimit and settings.throttlingRateLimit to the expected peak for the methods (not -1).
#   compliance:
#     nist-800-53: ["SC-5"]
#     owasp-api-top-10: ["API4:2023"]
deny contains msg if {
	input.type in resource_types
	settings := known_settings
	some limit in ["throttlingBurstLimit", "throttlingRateLimit"]
	unlimited(settings, limit)
	msg := sprintf("API Gateway method settings %q do not throttle requests (%s is absent or -1, i.e. unlimited): set settings.throttlingBurstLimit and settings.throttlingRateLimit to the expected peak.", [input.name, limit])
}

resource_types := pulumi.with_aliases({"aws:apigateway/methodSettings:MethodSettings"})

# known_settings is the settings object; {} when absent, undefined when unknown.
known_settings := s if {
	s := object.get(input.properties, "settings", null)
	is_object(s)
}

known_settings := {} if pulumi.absent(input.properties, "settings")

unlimited(settings, limit) if pulumi.absent(settings, limit)

unlimited(settings, limit) if {
	is_number(settings[limit])
	settings[limit] < 0
}
