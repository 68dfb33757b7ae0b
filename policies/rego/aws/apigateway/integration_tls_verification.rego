package aws.apigateway.integration_tls_verification

import data.lib.openapi
import data.lib.pulumi

# METADATA
# title: API Gateway HTTP integrations verify the backend's certificate
# description: |
#   An HTTP or HTTP_PROXY integration with tlsConfig.insecureSkipVerification true accepts any
#   certificate from the backend, expired, self-signed or issued for another host, so a
#   machine in the path can impersonate the backend and read callers' tokens and payloads.
#   The x-amazon-apigateway-integration objects of a RestApi's OpenAPI body are judged alike.
# scope: document
# custom:
#   id: aws-apigateway-integration-tls-verification
#   severity: high
#   concern: https
#   remediation: Remove insecureSkipVerification (or set it to false) and give the backend a certificate from a CA API Gateway trusts.
#   compliance:
#     nist-800-53: ["SC-8", "SC-23"]
#     owasp-api-top-10: ["API8:2023"]
deny contains msg if {
	pulumi.is_type(input, integration_type)
	object.get(input.properties, ["tlsConfig", "insecureSkipVerification"], false) == true
	msg := sprintf("API Gateway integration %q skips verifying its backend's TLS certificate (tlsConfig.insecureSkipVerification): remove it and give the backend a trusted certificate.", [input.name])
}

deny contains msg if {
	pulumi.is_type(input, rest_api_type)
	doc := openapi.document(input.properties)
	some entry in openapi.operations(doc)
	object.get(openapi.integration(entry.operation), ["tlsConfig", "insecureSkipVerification"], false) == true
	msg := sprintf("API Gateway REST API %q skips verifying the backend's TLS certificate for %s %s in its OpenAPI body (insecureSkipVerification): remove it and give the backend a trusted certificate.", [input.name, entry.method, entry.path])
}

resource_types := pulumi.with_aliases({integration_type, rest_api_type})

integration_type := "aws:apigateway/integration:Integration"

rest_api_type := "aws:apigateway/restApi:RestApi"
