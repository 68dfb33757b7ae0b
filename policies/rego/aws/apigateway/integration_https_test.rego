package aws.apigateway.integration_https_test

import data.aws.apigateway.integration_https

integration(props) := {
	"type": "aws:apigateway/integration:Integration",
	"urn": "urn:pulumi:prod::api::aws:apigateway/integration:Integration::orders-get",
	"name": "orders-get",
	"properties": object.union(
		{
			"restApi": "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
			"resourceId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
			"httpMethod": "GET",
			"integrationHttpMethod": "GET",
		},
		props,
	),
}

test_flags_http_proxy_over_http if {
	count(integration_https.deny) == 1 with input as integration({"type": "HTTP_PROXY", "uri": "http://orders.internal.example.com/{proxy}"})
}

test_flags_http_over_http_in_any_case if {
	count(integration_https.deny) == 1 with input as integration({"type": "HTTP", "uri": "HTTP://orders.example.com/orders"})
}

test_flags_vpc_link_over_http if {
	count(integration_https.deny) == 1 with input as integration({
		"type": "HTTP_PROXY",
		"connectionType": "VPC_LINK",
		"connectionId": "vl-123abc",
		"uri": "http://nlb-1234.elb.eu-west-1.amazonaws.com/orders",
	})
}

test_passes_https_backend if {
	count(integration_https.deny) == 0 with input as integration({"type": "HTTP_PROXY", "uri": "https://orders.example.com/{proxy}"})
}

test_ignores_lambda_proxy if {
	count(integration_https.deny) == 0 with input as integration({
		"type": "AWS_PROXY",
		"integrationHttpMethod": "POST",
		"uri": "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations",
	})
}

test_unknown_uri_is_not_reported if {
	count(integration_https.deny) == 0 with input as integration({"type": "HTTP_PROXY", "uri": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

body_api(uri) := {
	"type": "aws:apigateway/restApi:RestApi",
	"urn": "urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders",
	"name": "orders",
	"properties": {"body": json.marshal({"openapi": "3.0.1", "paths": {"/orders": {"get": {"x-amazon-apigateway-integration": {"type": "http_proxy", "httpMethod": "GET", "uri": uri}}}}})},
}

test_flags_plain_http_in_openapi_body if {
	count(integration_https.deny) == 1 with input as body_api("http://orders.internal.example.com/orders")
}

test_passes_https_in_openapi_body if {
	count(integration_https.deny) == 0 with input as body_api("https://orders.example.com/orders")
}
