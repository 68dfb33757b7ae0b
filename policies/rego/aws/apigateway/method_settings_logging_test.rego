package aws.apigateway.method_settings_logging_test

import data.aws.apigateway.method_settings_logging

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

method_settings(settings) := {
	"type": "aws:apigateway/methodSettings:MethodSettings",
	"urn": "urn:pulumi:prod::api::aws:apigateway/methodSettings:MethodSettings::orders-all",
	"name": "orders-all",
	"properties": {"restApi": "a1b2c3d4e5", "stageName": "prod", "methodPath": "*/*", "settings": settings},
}

test_flags_missing_logging_level if {
	count(method_settings_logging.deny) == 1 with input as method_settings({"metricsEnabled": true})
}

test_flags_logging_off if {
	count(method_settings_logging.deny) == 1 with input as method_settings({"metricsEnabled": true, "loggingLevel": "OFF"})
}

test_flags_missing_settings if {
	count(method_settings_logging.deny) == 1 with input as {
		"type": "aws:apigateway/methodSettings:MethodSettings",
		"name": "orders-all",
		"properties": {"restApi": "a1b2c3d4e5", "stageName": "prod", "methodPath": "*/*"},
	}
}

test_passes_error_logging if {
	count(method_settings_logging.deny) == 0 with input as method_settings({"metricsEnabled": true, "loggingLevel": "ERROR", "dataTraceEnabled": false})
}

test_passes_info_logging if {
	count(method_settings_logging.deny) == 0 with input as method_settings({"loggingLevel": "INFO"})
}

test_flags_data_trace if {
	msgs := method_settings_logging.deny with input as method_settings({"loggingLevel": "INFO", "dataTraceEnabled": true})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "dataTraceEnabled")
}

test_flags_data_trace_and_logging_off if {
	count(method_settings_logging.deny) == 2 with input as method_settings({"loggingLevel": "OFF", "dataTraceEnabled": true})
}

test_unknown_logging_level_is_not_reported if {
	count(method_settings_logging.deny) == 0 with input as method_settings({"loggingLevel": unknown, "dataTraceEnabled": unknown})
}

test_unknown_settings_are_not_reported if {
	count(method_settings_logging.deny) == 0 with input as method_settings(unknown)
}

test_ignores_other_types if {
	count(method_settings_logging.deny) == 0 with input as {"type": "aws:apigateway/stage:Stage", "name": "s", "properties": {}}
}
