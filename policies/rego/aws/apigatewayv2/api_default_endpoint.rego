package aws.apigatewayv2.api_default_endpoint

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: HTTP and WebSocket APIs behind a custom domain disable the default endpoint
# description: |
#   An API Gateway v2 API that is mapped to a custom domain name (an ApiMapping
#   refers to it) must turn off its default {api-id}.execute-api.{region}.amazonaws.com
#   endpoint. Otherwise the API stays reachable around the custom domain, and so
#   around the domain's TLS security policy and mutual TLS.
# scope: document
# custom:
#   id: aws-apigatewayv2-api-default-endpoint
#   severity: medium
#   concern: https
#   remediation: Set disableExecuteApiEndpoint to true on every API that is served through a custom domain name.
#   compliance:
#     nist-800-53: ["SC-7", "SC-8"]
#     owasp-api-top-10: ["API8:2023", "API9:2023"]
stack_deny contains {"urn": api.urn, "message": msg} if {
	mapped := stack.targets(stack.of_type("aws:apigatewayv2/apiMapping:ApiMapping"), "apiId")
	some api in stack.of_type("aws:apigatewayv2/api:Api")
	stack.referenced(api, ["id"], mapped)
	pulumi.is_false(api.properties, "disableExecuteApiEndpoint")
	msg := sprintf("API %q is mapped to a custom domain but its default execute-api endpoint is still enabled: set disableExecuteApiEndpoint to true so that clients must go through the custom domain.", [api.name])
}

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:apigatewayv2/api:Api",
	"aws:apigatewayv2/apiMapping:ApiMapping",
})
