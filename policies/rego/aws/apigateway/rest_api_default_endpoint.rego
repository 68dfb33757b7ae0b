package aws.apigateway.rest_api_default_endpoint

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: REST APIs behind a custom domain disable the default execute-api endpoint
# description: |
#   A REST API that is mapped to a custom domain name (a BasePathMapping refers to
#   it) must turn off its default https://{api-id}.execute-api.{region}.amazonaws.com
#   endpoint. Otherwise the API stays reachable around the custom domain, and so
#   around the domain's TLS security policy, mutual TLS and base-path routing.
#   The setting is read from disableExecuteApiEndpoint or, when that is not set, from
#   the x-amazon-apigateway-endpoint-configuration extension of the OpenAPI body.
# scope: document
# custom:
#   id: aws-apigateway-rest-api-default-endpoint
#   severity: medium
#   concern: https
#   remediation: Set disableExecuteApiEndpoint to true on every REST API that is served through a custom domain name.
#   compliance:
#     nist-800-53: ["SC-7", "SC-8"]
#     owasp-api-top-10: ["API8:2023", "API9:2023"]
stack_deny contains {"urn": api.urn, "message": msg} if {
	mapped := stack.targets(stack.of_type("aws:apigateway/basePathMapping:BasePathMapping"), "restApi")
	some api in stack.of_type("aws:apigateway/restApi:RestApi")
	stack.referenced(api, ["id"], mapped)
	default_endpoint_enabled(api.properties)
	msg := sprintf("REST API %q is mapped to a custom domain but its default execute-api endpoint is still enabled: set disableExecuteApiEndpoint to true so that clients must go through the custom domain.", [api.name])
}

# default_endpoint_enabled(props) holds when neither the property nor the OpenAPI body
# disables the endpoint, and neither is unknown.
default_endpoint_enabled(props) if {
	props.disableExecuteApiEndpoint == false
}

default_endpoint_enabled(props) if {
	pulumi.absent(props, "disableExecuteApiEndpoint")
	not pulumi.unknown(props, "body")
	not body_disables_endpoint(object.get(props, "body", null))
}

# body_disables_endpoint(body) holds when the OpenAPI document (JSON or YAML text, or an
# object) sets disableExecuteApiEndpoint in x-amazon-apigateway-endpoint-configuration,
# at the top level (OpenAPI 2.0) or on a server (OpenAPI 3.0).
body_disables_endpoint(body) if openapi(body)["x-amazon-apigateway-endpoint-configuration"].disableExecuteApiEndpoint == true

body_disables_endpoint(body) if {
	some server in openapi(body).servers
	server["x-amazon-apigateway-endpoint-configuration"].disableExecuteApiEndpoint == true
}

openapi(body) := yaml.unmarshal(body) if {
	is_string(body)
	yaml.is_valid(body)
}

openapi(body) := body if is_object(body)

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:apigateway/basePathMapping:BasePathMapping",
	"aws:apigateway/restApi:RestApi",
})
