package aws.apigatewayv2.stage_throttling

import data.lib.pulumi

# METADATA
# title: API Gateway HTTP and WebSocket stages throttle requests
# description: |
#   An HTTP or WebSocket API stage must set defaultRouteSettings.throttlingBurstLimit
#   and defaultRouteSettings.throttlingRateLimit above 0. Without them the stage
#   only shares the account-wide regional quota with every other API, so one
#   flooded or abused API can exhaust capacity and backend cost (OWASP API4:2023
#   Unrestricted Resource Consumption). A limit of 0 is flagged as well: it
#   rejects every request with 429, and it is what a limit left out of a
#   defaultRouteSettings block becomes (e.g. one that only turns on detailed
#   metrics). A stage without defaultRouteSettings whose routeSettings throttle every listed
#   route (both limits above 0) is throttled per route and not reported. Concern is network:
#   throttling is a traffic-admission
#   control at the edge, not authentication or logging.
# scope: document
# custom:
#   id: aws-apigatewayv2-stage-throttling
#   severity: medium
#   concern: network
#   remediation: Set defaultRouteSettings.throttlingBurstLimit and defaultRouteSettings.throttlingRateLimit, both above 0, to the expected peak.
#   compliance:
#     nist-800-53: ["SC-5"]
#     owasp-api-top-10: ["API4:2023"]
deny contains msg if {
	is_stage
	pulumi.absent(input.properties, "defaultRouteSettings")
	not throttled_per_route
	msg := sprintf("API Gateway v2 stage %q does not throttle requests: set defaultRouteSettings.throttlingBurstLimit and throttlingRateLimit above 0.", [input.name])
}

# With defaultRouteSettings present, the provider sends 0 for a limit left out (pulumi-aws#2363).
deny contains msg if {
	is_stage
	settings := route_settings
	some limit in limits
	zero(settings, limit)
	msg := sprintf("API Gateway v2 stage %q rejects every request with 429 (defaultRouteSettings.%s is 0 or not set, which means 0): set throttlingBurstLimit and throttlingRateLimit above 0.", [input.name, limit])
}

deny contains msg if {
	is_stage
	settings := route_settings
	some limit in limits
	is_number(settings[limit])
	settings[limit] < 0
	msg := sprintf("API Gateway v2 stage %q has an invalid throttling limit (defaultRouteSettings.%s is negative): set throttlingBurstLimit and throttlingRateLimit above 0.", [input.name, limit])
}

resource_types := pulumi.with_aliases({"aws:apigatewayv2/stage:Stage"})

is_stage if input.type in resource_types

limits := ["throttlingBurstLimit", "throttlingRateLimit"]

# route_settings is defaultRouteSettings when it is an object (not absent, not unknown).
route_settings := s if {
	s := input.properties.defaultRouteSettings
	is_object(s)
}

# Every routeSettings entry throttles its route (an unknown list may well do so).
throttled_per_route if pulumi.unknown(input.properties, "routeSettings")

throttled_per_route if {
	entries := input.properties.routeSettings
	is_array(entries)
	count(entries) > 0
	every entry in entries {
		every limit in limits {
			positive(entry, limit)
		}
	}
}

positive(entry, limit) if pulumi.is_unknown(entry[limit])

positive(entry, limit) if {
	is_number(entry[limit])
	entry[limit] > 0
}

zero(settings, limit) if pulumi.absent(settings, limit)

zero(settings, limit) if settings[limit] == 0
