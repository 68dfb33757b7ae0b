package aws.apigateway.method_settings_cache_encrypted_test

import data.aws.apigateway.method_settings_cache_encrypted

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

method_settings(settings) := {
	"type": "aws:apigateway/methodSettings:MethodSettings",
	"urn": "urn:pulumi:prod::api::aws:apigateway/methodSettings:MethodSettings::all-methods",
	"name": "all-methods",
	"properties": {
		"restApi": unknown,
		"stageName": "prod",
		"methodPath": "*/*",
		"settings": settings,
	},
}

test_flags_unencrypted_cache if {
	count(method_settings_cache_encrypted.deny) == 1 with input as method_settings({
		"cachingEnabled": true,
		"cacheTtlInSeconds": 300,
		"metricsEnabled": true,
	})
}

test_flags_cache_encryption_off if {
	count(method_settings_cache_encrypted.deny) == 1 with input as method_settings({"cachingEnabled": true, "cacheDataEncrypted": false})
}

test_passes_encrypted_cache if {
	count(method_settings_cache_encrypted.deny) == 0 with input as method_settings({
		"cachingEnabled": true,
		"cacheDataEncrypted": true,
		"cacheTtlInSeconds": 300,
	})
}

test_passes_without_caching if {
	count(method_settings_cache_encrypted.deny) == 0 with input as method_settings({"metricsEnabled": true, "loggingLevel": "INFO"})
}

test_unknown_encryption_is_not_reported if {
	count(method_settings_cache_encrypted.deny) == 0 with input as method_settings({"cachingEnabled": true, "cacheDataEncrypted": unknown})
}

test_unknown_caching_is_not_reported if {
	count(method_settings_cache_encrypted.deny) == 0 with input as method_settings({"cachingEnabled": unknown})
}

test_unknown_settings_are_not_reported if {
	count(method_settings_cache_encrypted.deny) == 0 with input as method_settings(unknown)
}

test_ignores_other_types if {
	count(method_settings_cache_encrypted.deny) == 0 with input as {"type": "aws:apigateway/stage:Stage", "name": "s", "properties": {"settings": {"cachingEnabled": true}}}
}
