package aws.apigateway.integration_tls_verification_test

import data.aws.apigateway.integration_tls_verification

integration(props) := {
	"type": "aws:apigateway/integration:Integration",
	"urn": "urn:pulumi:prod::api::aws:apigateway/integration:Integration::orders-get",
	"name": "orders-get",
	"properties": object.union({"restApi": "a1b2c3d4e5", "resourceId": "r7x9k2", "httpMethod": "GET", "type": "HTTP_PROXY", "uri": "https://orders.example.com"}, props),
}

rest_api(tls) := {
	"type": "aws:apigateway/restApi:RestApi",
	"urn": "urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders",
	"name": "orders",
	"properties": {"body": json.marshal({"openapi": "3.0.1", "paths": {"/orders": {"get": {"x-amazon-apigateway-integration": {"type": "http_proxy", "uri": "https://orders.example.com", "tlsConfig": tls}}}}})},
}

test_flags_skip_verification if {
	count(integration_tls_verification.deny) == 1 with input as integration({"tlsConfig": {"insecureSkipVerification": true}})
}

test_passes_verified_backend if {
	count(integration_tls_verification.deny) == 0 with input as integration({"tlsConfig": {"insecureSkipVerification": false}})
	count(integration_tls_verification.deny) == 0 with input as integration({})
}

test_flags_skip_verification_in_body if {
	count(integration_tls_verification.deny) == 1 with input as rest_api({"insecureSkipVerification": true})
}

test_passes_body_verifying_the_backend if {
	count(integration_tls_verification.deny) == 0 with input as rest_api({"insecureSkipVerification": false})
}

test_unknown_body_is_not_judged if {
	count(integration_tls_verification.deny) == 0 with input as {"type": "aws:apigateway/restApi:RestApi", "name": "orders", "properties": {"body": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}
}
