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
