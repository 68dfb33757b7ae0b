package aws.apigateway.integration_cache_keys_test

import data.aws.apigateway.integration_cache_keys

api_urn := "urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders"

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

method(authorization) := {
	"type": "aws:apigateway/method:Method", "name": "orders-get",
	"urn": "urn:pulumi:prod::api::aws:apigateway/method:Method::orders-get",
	"properties": {"restApi": unknown, "resourceId": unknown, "httpMethod": "GET", "authorization": authorization},
	"propertyDependencies": {"restApi": [api_urn]},
}

integration(props) := {
	"type": "aws:apigateway/integration:Integration", "name": "orders-get",
	"urn": "urn:pulumi:prod::api::aws:apigateway/integration:Integration::orders-get",
	"properties": object.union({"restApi": unknown, "resourceId": unknown, "httpMethod": "GET", "type": "AWS_PROXY"}, props),
	"propertyDependencies": {"restApi": [api_urn], "httpMethod": [method("AWS_IAM").urn]},
}

settings(caching) := {
	"type": "aws:apigateway/methodSettings:MethodSettings", "name": "orders-settings",
	"urn": "urn:pulumi:prod::api::aws:apigateway/methodSettings:MethodSettings::orders-settings",
	"properties": {"restApi": unknown, "stageName": "prod", "methodPath": "*/*", "settings": {"cachingEnabled": caching, "cacheDataEncrypted": true}},
	"propertyDependencies": {"restApi": [api_urn]},
}

test_flags_cached_integration_without_caller_key if {
	fs := integration_cache_keys.stack_deny with input as {"resources": [method("AWS_IAM"), integration({"cacheKeyParameters": ["method.request.path.id"]}), settings(true)]}
	count(fs) == 1
}

test_passes_caller_keyed_cache if {
	keys := ["method.request.path.id", "method.request.header.Authorization"]
	count(integration_cache_keys.stack_deny) == 0 with input as {"resources": [method("AWS_IAM"), integration({"cacheKeyParameters": keys}), settings(true)]}
}

test_passes_without_caching if {
	count(integration_cache_keys.stack_deny) == 0 with input as {"resources": [method("AWS_IAM"), integration({}), settings(false)]}
}

test_passes_anonymous_method if {
	count(integration_cache_keys.stack_deny) == 0 with input as {"resources": [method("NONE"), integration({}), settings(true)]}
}

test_unknown_cache_keys_are_not_judged if {
	count(integration_cache_keys.stack_deny) == 0 with input as {"resources": [method("AWS_IAM"), integration({"cacheKeyParameters": unknown}), settings(true)]}
}
