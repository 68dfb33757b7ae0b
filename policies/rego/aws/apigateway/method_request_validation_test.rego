package aws.apigateway.method_request_validation_test

import data.aws.apigateway.method_request_validation

method(props) := {
	"type": "aws:apigateway/method:Method",
	"urn": "urn:pulumi:prod::api::aws:apigateway/method:Method::orders-post",
	"name": "orders-post",
	"properties": object.union({"restApi": "a1b2c3d4e5", "resourceId": "r7x9k2", "httpMethod": "POST", "authorization": "AWS_IAM"}, props),
}

test_flags_body_method_without_validation if {
	count(method_request_validation.deny) == 2 with input as method({})
}

test_flags_validator_without_model if {
	msgs := method_request_validation.deny with input as method({"requestValidatorId": "v1a2b3"})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "request model")
}

test_passes_validated_body if {
	count(method_request_validation.deny) == 0 with input as method({"requestValidatorId": "v1a2b3", "requestModels": {"application/json": "OrderRequest"}})
}

test_ignores_methods_without_body if {
	count(method_request_validation.deny) == 0 with input as method({"httpMethod": "GET"})
}

test_unknown_values_are_not_judged if {
	count(method_request_validation.deny) == 0 with input as method({"requestValidatorId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "requestModels": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

# An OpenAPI 3 body with the API Gateway extensions for request validation, as in
# https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-validation-sample-api-swagger.html
rest_api(doc) := {
	"type": "aws:apigateway/restApi:RestApi",
	"urn": "urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders",
	"name": "orders",
	"properties": {"body": json.marshal(doc)},
}

validators := {"all": {"validateRequestBody": true, "validateRequestParameters": true}, "params-only": {"validateRequestBody": false, "validateRequestParameters": true}}

with_schema := {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}}

test_flags_openapi_post_without_schema_or_validator if {
	msgs := method_request_validation.deny with input as rest_api({"openapi": "3.0.1", "paths": {"/orders": {"post": {}}}})
	count(msgs) == 2
	some msg in msgs
	contains(msg, "POST /orders")
	contains(msg, "body schema")
}

test_flags_openapi_schema_without_a_body_validator if {
	count(method_request_validation.deny) == 1 with input as rest_api({
		"openapi": "3.0.1", "x-amazon-apigateway-request-validators": validators,
		"x-amazon-apigateway-request-validator": "params-only",
		"paths": {"/orders": {"put": {"requestBody": with_schema}}},
	})
}

test_flags_openapi_validator_without_schema if {
	count(method_request_validation.deny) == 1 with input as rest_api({
		"openapi": "3.0.1", "x-amazon-apigateway-request-validators": validators,
		"x-amazon-apigateway-request-validator": "all",
		"paths": {"/orders": {"post": {}}},
	})
}

test_passes_openapi_schema_and_document_validator if {
	count(method_request_validation.deny) == 0 with input as rest_api({
		"openapi": "3.0.1", "x-amazon-apigateway-request-validators": validators,
		"x-amazon-apigateway-request-validator": "all",
		"paths": {"/orders": {"post": {"requestBody": with_schema}, "get": {}}},
	})
}

test_passes_swagger_body_parameter_and_operation_validator if {
	count(method_request_validation.deny) == 0 with input as rest_api({
		"swagger": "2.0", "x-amazon-apigateway-request-validators": validators,
		"paths": {"/orders": {"post": {
			"x-amazon-apigateway-request-validator": "all",
			"parameters": [{"in": "body", "name": "Order", "required": true, "schema": {"$ref": "#/definitions/Order"}}],
		}}},
	})
}
