package aws.apigatewayv2.integration_https

import data.lib.pulumi

# METADATA
# title: API Gateway v2 HTTP integrations call their backend over HTTPS
# description: |
#   An HTTP API or WebSocket API integration of type HTTP_PROXY (or HTTP, for
#   WebSocket APIs) must reach its backend with an https:// integrationUri. With
#   http://, requests travel unencrypted between API Gateway and the backend.
#   Private integrations, whose integrationUri is a listener or Cloud Map ARN, are
#   not concerned.
# scope: document
# custom:
#   id: aws-apigatewayv2-integration-https
#   severity: high
#   concern: https
#   remediation: Set integrationUri to an https:// URL of the backend.
#   compliance:
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
#     owasp-api-top-10: ["API8:2023"]
deny contains msg if {
	input.type in resource_types
	input.properties.integrationType in {"HTTP", "HTTP_PROXY"}
	plain_http(input.properties.integrationUri)
	msg := sprintf("API Gateway v2 integration %q calls its backend over plain HTTP: change integrationUri to an https:// URL so that requests are encrypted in transit.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:apigatewayv2/integration:Integration"})

plain_http(uri) if {
	is_string(uri)
	startswith(lower(uri), "http://")
}
