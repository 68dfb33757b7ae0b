package aws.apigateway.integration_https

import data.lib.openapi
import data.lib.pulumi

# METADATA
# title: API Gateway HTTP integrations call their backend over HTTPS
# description: |
#   A REST API integration of type HTTP or HTTP_PROXY must reach its backend with an
#   https:// URI. With http://, requests (including callers' tokens and payloads)
#   travel unencrypted between API Gateway and the backend, also over a VPC link. The
#   x-amazon-apigateway-integration objects of a RestApi's OpenAPI body are judged alike.
# scope: document
# custom:
#   id: aws-apigateway-integration-https
#   severity: high
#   concern: https
#   remediation: Set uri to an https:// URL of the backend (and give the backend a certificate that API Gateway trusts).
#   compliance:
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
#     owasp-api-top-10: ["API8:2023"]
deny contains msg if {
	pulumi.is_type(input, integration_type)
	input.properties.type in {"HTTP", "HTTP_PROXY"}
	plain_http(input.properties.uri)
	msg := sprintf("API Gateway integration %q calls its backend over plain HTTP: change uri to an https:// URL so that requests are encrypted in transit.", [input.name])
}

plain_http(uri) if {
	is_string(uri)
	startswith(lower(uri), "http://")
}

deny contains msg if {
	pulumi.is_type(input, rest_api_type)
	doc := openapi.document(input.properties)
	some entry in openapi.operations(doc)
	integration := openapi.integration(entry.operation)
	lower(object.get(integration, "type", "")) in {"http", "http_proxy"}
	plain_http(object.get(integration, "uri", ""))
	msg := sprintf("API Gateway REST API %q calls a backend over plain HTTP for %s %s in its OpenAPI body: change the x-amazon-apigateway-integration uri to https://.", [input.name, entry.method, entry.path])
}

resource_types := pulumi.with_aliases({integration_type, rest_api_type})

integration_type := "aws:apigateway/integration:Integration"

rest_api_type := "aws:apigateway/restApi:RestApi"
