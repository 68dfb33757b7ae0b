package aws.apigateway.method_settings_throttling_test

import data.aws.apigateway.method_settings_throttling

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

method_settings(settings) := {
	"type": "aws:apigateway/methodSettings:MethodSettings",
	"urn": "urn:pulumi:prod::api::aws:apigateway/methodSettings:MethodSettings::orders-all",
	"name": "orders-all",
	"properties": {"restApi": "a1b2c3d4e5", "stageName": "prod", "methodPath": "*/*", "settings": settings},
}

test_flags_settings_without_throttling if {
	count(method_settings_throttling.deny) == 2 with input as method_settings({"loggingLevel": "ERROR", "metricsEnabled": true})
}

test_flags_unlimited_rate if {
	msgs := method_settings_throttling.deny with input as method_settings({"throttlingBurstLimit": 100, "throttlingRateLimit": -1})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "throttlingRateLimit")
}

test_flags_missing_burst if {
	msgs := method_settings_throttling.deny with input as method_settings({"throttlingRateLimit": 50.5})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "throttlingBurstLimit")
}

test_flags_missing_settings if {
	count(method_settings_throttling.deny) == 2 with input as {
		"type": "aws:apigateway/methodSettings:MethodSettings",
		"name": "orders-all",
		"properties": {"restApi": "a1b2c3d4e5", "stageName": "prod", "methodPath": "*/*"},
	}
}

test_passes_throttled_settings if {
	count(method_settings_throttling.deny) == 0 with input as method_settings({"loggingLevel": "ERROR", "throttlingBurstLimit": 200, "throttlingRateLimit": 100})
}

test_unknown_limits_are_not_reported if {
	count(method_settings_throttling.deny) == 0 with input as method_settings({"throttlingBurstLimit": unknown, "throttlingRateLimit": unknown})
}

test_unknown_settings_are_not_reported if {
	count(method_settings_throttling.deny) == 0 with input as method_settings(unknown)
}

test_ignores_other_types if {
	count(method_settings_throttling.deny) == 0 with input as {"type": "aws:apigateway/stage:Stage", "name": "s", "properties": {}}
}
