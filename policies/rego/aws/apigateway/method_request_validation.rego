package aws.apigateway.method_request_validation

import data.lib.pulumi

# METADATA
# title: API Gateway methods that take a body validate it
# description: |
#   A REST API method that takes a request body (POST, PUT, PATCH, ANY) must have a request
#   validator and a request model, so that API Gateway rejects malformed or unexpected
#   payloads (mass assignment, oversized or mistyped fields) before they reach the backend.
#   A validator without a model validates nothing in the body.
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
	upper(props.httpMethod) in {"POST", "PUT", "PATCH", "ANY"}
	some missing in missing_parts(props)
	msg := sprintf("API Gateway method %q (%s) does not validate its request body (no %s): add a request validator and a JSON schema model.", [input.name, upper(props.httpMethod), missing])
}

resource_types := pulumi.with_aliases({"aws:apigateway/method:Method"})

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
