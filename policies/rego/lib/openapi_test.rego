package lib.openapi_test

import data.lib.openapi

json_body := json.marshal({
	"openapi": "3.0.1",
	"components": {"securitySchemes": {
		"sigv4": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"},
		"key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
	}},
	"paths": {"/orders": {
		"get": {"security": [{"sigv4": []}], "x-amazon-apigateway-integration": {"type": "aws_proxy"}},
		"post": {"security": [{"key": []}]},
		"put": {"security": [{"sigv4": []}, {}]},
		"options": {"x-amazon-apigateway-integration": {"type": "mock"}},
		"delete": {"x-amazon-apigateway-auth": {"type": "AWS_IAM"}},
	}},
})

yaml_body := `
swagger: "2.0"
paths:
  /items:
    x-amazon-apigateway-any-method:
      x-amazon-apigateway-integration: {type: http_proxy, uri: "http://legacy.example.com"}
`

op(doc, method) := entry.operation if {
	some entry in openapi.operations(doc)
	entry.method == method
}

test_json_body_operations_and_authentication if {
	doc := openapi.document({"body": json_body})
	count(openapi.operations(doc)) == 5
	openapi.authenticated(doc, op(doc, "GET"))
	openapi.authenticated(doc, op(doc, "DELETE"))
	not openapi.authenticated(doc, op(doc, "POST"))
	not openapi.authenticated(doc, op(doc, "PUT")) # {} admits anonymous callers
	openapi.api_key_only(doc, op(doc, "POST"))
	not openapi.api_key_only(doc, op(doc, "GET"))
}

test_mock_preflight if {
	doc := openapi.document({"body": json_body})
	some entry in openapi.operations(doc)
	entry.method == "OPTIONS"
	openapi.mock_preflight(entry)
}

test_yaml_body if {
	doc := openapi.document({"body": yaml_body})
	some entry in openapi.operations(doc)
	entry.method == "ANY"
	openapi.integration(entry.operation).uri == "http://legacy.example.com"
}

test_unknown_or_absent_body_is_no_document if {
	not openapi.document({"body": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
	not openapi.document({})
	not openapi.document({"body": "[1, 2]"})
}
