package aws.apigateway.method_authorization

import data.lib.openapi
import data.lib.pulumi
import data.lib.stack

# METADATA
# title: API Gateway REST methods require authorization
# description: |
#   A REST API method must authenticate its callers (authorization AWS_IAM,
#   COGNITO_USER_POOLS or CUSTOM with a Lambda authorizer). Authorization NONE
#   lets anyone on the network invoke the integration. apiKeyRequired alone does
#   not count: API keys identify a usage plan, are shared and sent in clear
#   headers, and AWS documents they must not be used for authorization.
#   A REST API defined by an OpenAPI body is judged per operation: each needs a security
#   requirement of an awsSigv4, cognito_user_pools or custom scheme (or x-amazon-apigateway-auth
#   AWS_IAM); an API key scheme alone, or an empty requirement {}, does not count.
#   OPTIONS is exempt only when API Gateway answers it itself (a MOCK integration, the CORS
#   preflight pattern): an OPTIONS method proxied to a backend lets anyone reach that backend.
# scope: document
# custom:
#   id: aws-apigateway-method-authorization
#   severity: high
#   concern: auth
#   remediation: Set authorization to "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM" (with authorizerId) on the method.
#   compliance:
#     nist-800-53: ["AC-3", "IA-2"]
#     owasp-api-top-10: ["API2:2023", "API5:2023"]
#     fsbp: ["APIGateway.8"]
stack_deny contains {"urn": m.urn, "message": msg} if {
	some m in methods
	props := m.properties
	not pulumi.unknown(props, "authorization")
	no_authorization(props)
	not pulumi.unknown(props, "httpMethod")
	not preflight(props)
	msg := sprintf("API Gateway method %q lets anyone call it (authorization NONE%s): set authorization to \"AWS_IAM\", \"COGNITO_USER_POOLS\" or \"CUSTOM\" with an authorizer.", [m.name, api_key_note(props)])
}

stack_deny contains {"urn": api.urn, "message": msg} if {
	some api in stack.of_type("aws:apigateway/restApi:RestApi")
	doc := openapi.document(api.properties)
	some entry in openapi.operations(doc)
	not openapi.authenticated(doc, entry.operation)
	not openapi.mock_preflight(entry)
	msg := sprintf("API Gateway REST API %q lets anyone call %s %s in its OpenAPI body (no security requirement of an IAM, Cognito or Lambda authorizer scheme%s): add one to the operation.", [api.name, entry.method, entry.path, body_api_key_note(doc, entry.operation)])
}

# An OPTIONS method without authorization whose integration is not API Gateway's own MOCK.
stack_deny contains {"urn": m.urn, "message": msg} if {
	some m in methods
	not pulumi.unknown(m.properties, "authorization")
	no_authorization(m.properties)
	preflight(m.properties)
	not mock_answered(m)
	msg := sprintf("API Gateway method %q (OPTIONS) lets anyone reach its backend: answer CORS preflights with a MOCK integration, or set an authorizer.", [m.name])
}

methods := stack.of_type("aws:apigateway/method:Method")

integrations := stack.of_type("aws:apigateway/integration:Integration")

mock_integrations := [i | some i in integrations; upper(object.get(i.properties, "type", "")) == "MOCK"]

# Methods that a MOCK integration refers to (propertyDependencies on httpMethod or resourceId).
mocked := stack.targets(mock_integrations, "httpMethod") | stack.targets(mock_integrations, "resourceId")

# restApi/resourceId keys of MOCK OPTIONS integrations written with known values.
mocked_keys := {key | some i in mock_integrations; upper(object.get(i.properties, "httpMethod", "")) == "OPTIONS"; key := method_key(i)}

mock_answered(m) if m.urn in mocked

mock_answered(m) if method_key(m) in mocked_keys

# The integration of the method is unknown or cannot be traced: it may well be a MOCK.
mock_answered(_) if stack.untraceable(integrations, "httpMethod")

method_key(r) := sprintf("%s/%s", [r.properties.restApi, r.properties.resourceId]) if {
	is_string(r.properties.restApi)
	is_string(r.properties.resourceId)
	not pulumi.is_unknown(r.properties.restApi)
	not pulumi.is_unknown(r.properties.resourceId)
}

no_authorization(props) if pulumi.absent(props, "authorization")

no_authorization(props) if upper(props.authorization) == "NONE"

preflight(props) if upper(props.httpMethod) == "OPTIONS"

api_key_note(props) := "; an API key is not authentication" if props.apiKeyRequired == true

api_key_note(props) := "" if not props.apiKeyRequired == true

body_api_key_note(doc, op) := "; an API key is not authentication" if openapi.api_key_only(doc, op)

else := ""

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:apigateway/integration:Integration",
	"aws:apigateway/method:Method",
	"aws:apigateway/restApi:RestApi",
})
