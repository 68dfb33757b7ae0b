package aws.apigateway.rest_api_default_endpoint_test

import data.aws.apigateway.rest_api_default_endpoint

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

api(name, props) := {
	"type": "aws:apigateway/restApi:RestApi",
	"urn": sprintf("urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::%s", [name]),
	"name": name,
	"properties": props,
	"parent": "urn:pulumi:prod::api::pulumi:pulumi:Stack::api-prod",
	"dependencies": [],
	"propertyDependencies": {},
}

# A mapping as a preview sends it: restApi is unknown, the dependency names the API's URN.
mapping_of(target) := {
	"type": "aws:apigateway/basePathMapping:BasePathMapping",
	"urn": "urn:pulumi:prod::api::aws:apigateway/basePathMapping:BasePathMapping::orders-mapping",
	"name": "orders-mapping",
	"properties": {"restApi": unknown, "domainName": "api.example.com", "stageName": "prod"},
	"parent": "urn:pulumi:prod::api::pulumi:pulumi:Stack::api-prod",
	"dependencies": [target.urn],
	"propertyDependencies": {"restApi": [target.urn], "domainName": []},
}

orders := api("orders", {"name": "orders", "endpointConfiguration": {"types": "REGIONAL"}})

test_flags_mapped_api_with_default_endpoint if {
	findings := rest_api_default_endpoint.stack_deny with input as {"resources": [orders, mapping_of(orders)]}
	count(findings) == 1
	some f in findings
	f.urn == orders.urn
}

test_flags_explicit_false if {
	a := api("orders", {"name": "orders", "disableExecuteApiEndpoint": false})
	count(rest_api_default_endpoint.stack_deny) == 1 with input as {"resources": [a, mapping_of(a)]}
}

test_passes_disabled_endpoint if {
	a := api("orders", {"name": "orders", "disableExecuteApiEndpoint": true})
	count(rest_api_default_endpoint.stack_deny) == 0 with input as {"resources": [a, mapping_of(a)]}
}

test_passes_unmapped_api if {
	other := api("internal", {"name": "internal"})
	count(rest_api_default_endpoint.stack_deny) == 0 with input as {"resources": [other]}
}

test_only_mapped_api_is_flagged if {
	other := api("internal", {"name": "internal"})
	findings := rest_api_default_endpoint.stack_deny with input as {"resources": [orders, other, mapping_of(orders)]}
	{f.urn | some f in findings} == {orders.urn}
}

test_reference_by_value_after_deployment if {
	a := api("orders", {"name": "orders", "id": "a1b2c3d4e5"})
	m := {
		"type": "aws:apigateway/basePathMapping:BasePathMapping", "urn": "urn:m", "name": "m",
		"properties": {"restApi": "a1b2c3d4e5", "domainName": "api.example.com"},
	}
	count(rest_api_default_endpoint.stack_deny) == 1 with input as {"resources": [a, m]}
}

test_unknown_setting_is_not_reported if {
	a := api("orders", {"name": "orders", "disableExecuteApiEndpoint": unknown})
	count(rest_api_default_endpoint.stack_deny) == 0 with input as {"resources": [a, mapping_of(a)]}
}

test_passes_openapi_json_body_disabling_endpoint if {
	body := json.marshal({
		"swagger": "2.0",
		"info": {"title": "orders", "version": "1"},
		"x-amazon-apigateway-endpoint-configuration": {"disableExecuteApiEndpoint": true},
		"paths": {},
	})
	a := api("orders", {"name": "orders", "body": body})
	count(rest_api_default_endpoint.stack_deny) == 0 with input as {"resources": [a, mapping_of(a)]}
}

test_passes_openapi3_yaml_body_disabling_endpoint if {
	body := concat("\n", [
		"openapi: 3.0.1",
		"info: {title: orders, version: '1'}",
		"servers:",
		"  - url: https://api.example.com",
		"    x-amazon-apigateway-endpoint-configuration:",
		"      disableExecuteApiEndpoint: true",
		"paths: {}",
	])
	a := api("orders", {"name": "orders", "body": body})
	count(rest_api_default_endpoint.stack_deny) == 0 with input as {"resources": [a, mapping_of(a)]}
}

test_flags_body_without_extension if {
	a := api("orders", {"name": "orders", "body": "{\"openapi\": \"3.0.1\", \"paths\": {}}"})
	count(rest_api_default_endpoint.stack_deny) == 1 with input as {"resources": [a, mapping_of(a)]}
}

test_unknown_body_is_not_reported if {
	a := api("orders", {"name": "orders", "body": unknown})
	count(rest_api_default_endpoint.stack_deny) == 0 with input as {"resources": [a, mapping_of(a)]}
}
