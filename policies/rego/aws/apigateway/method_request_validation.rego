package aws.apigateway.method_request_validation

import data.lib.openapi
import data.lib.pulumi

# METADATA
# title: API Gateway methods that take a body validate it
# description: |
#   A REST API method that takes a request body (POST, PUT, PATCH, ANY) must have a request
#   validator and a request model, so that API Gateway rejects malformed or unexpected
#   payloads (mass assignment, oversized or mistyped fields) before they reach the backend.
#   A validator without a model validates nothing in the body. An OpenAPI body of an
#   aws.apigateway.RestApi is judged alike: each such operation needs a JSON schema for its
#   body (OpenAPI 3 requestBody content schema, Swagger 2 "in: body" parameter) and an
#   x-amazon-apigateway-request-validator (on the operation or the document) naming a
#   validator with validateRequestBody true.
# scope: document
# custom:
#   id: aws-apigateway-method-request-validation
#   severity: low
#   concern: auth
#   remediation: Set requestValidatorId (a validator with validateRequestBody true) and requestModels (application/json to a JSON schema model) on the method.
#   compliance:
#     nist-800-53: ["SI-10"]
#     owasp-api-top-10: ["API3:2023", "API8:2023"]
deny contains msg if {
	input.type in resource_types
	props := input.properties
	is_string(props.httpMethod)
	upper(props.httpMethod) in body_methods
	some missing in missing_parts(props)
	msg := sprintf("API Gateway method %q (%s) does not validate its request body (no %s): add a request validator and a JSON schema model.", [input.name, upper(props.httpMethod), missing])
}

deny contains msg if {
	pulumi.is_type(input, rest_api_type)
	doc := openapi.document(input.properties)
	some entry in openapi.operations(doc)
	entry.method in body_methods
	some missing in missing_in_document(doc, entry.operation)
	msg := sprintf("API Gateway REST API %q does not validate the request body of %s %s in its OpenAPI body (no %s): add a JSON schema for the body and a request validator with validateRequestBody true.", [input.name, entry.method, entry.path, missing])
}

resource_types := pulumi.with_aliases({"aws:apigateway/method:Method", rest_api_type})

rest_api_type := "aws:apigateway/restApi:RestApi"

body_methods := {"POST", "PUT", "PATCH", "ANY"}

missing_in_document(doc, op) := {part |
	some part in ["body schema", "request validator validating the body"]
	not present(part, doc, op)
}

present("body schema", _, op) if {
	some media in object.get(op, ["requestBody", "content"], {})
	is_object(media)
	object.get(media, "schema", null) != null
}

present("body schema", _, op) if {
	some parameter in object.get(op, "parameters", [])
	is_object(parameter)
	parameter["in"] == "body"
	object.get(parameter, "schema", null) != null
}

present("request validator validating the body", doc, op) if {
	name := validator_name(doc, op)
	object.get(doc, ["x-amazon-apigateway-request-validators", name, "validateRequestBody"], false) == true
}

# The operation's validator, else the document's default.
validator_name(doc, op) := name if {
	name := op["x-amazon-apigateway-request-validator"]
} else := doc["x-amazon-apigateway-request-validator"]

missing_parts(props) := {part |
	some part, key in {"request validator": "requestValidatorId", "request model": "requestModels"}
	not pulumi.unknown(props, key)
	empty(object.get(props, key, null))
}

empty(null)

empty(value) if value == ""

empty(value) if {
	is_object(value)
	count(value) == 0
}
