package aws.apigatewayv2.route_authorization

import data.lib.pulumi

# METADATA
# title: API Gateway HTTP routes and WebSocket $connect require authorization
# description: |
#   An HTTP API route ("GET /orders", "ANY /{proxy+}") and a WebSocket API's
#   $connect route must authenticate callers (authorizationType AWS_IAM, JWT or
#   CUSTOM); NONE lets anyone invoke the integration. apiKeyRequired alone does not
#   count: API keys identify a usage plan, they do not authenticate. Exempt:
#   "OPTIONS ..." routes (CORS preflight carries no credentials), and WebSocket
#   $disconnect and message routes, which API Gateway cannot authorize (the
#   connection was authorized at $connect). The "$default" route key is shared by
#   HTTP and WebSocket APIs and cannot be told apart without the API, so it is
#   not judged here. An HTTP API created with quick create (an aws.apigatewayv2.Api with
#   `target`) gets a route and a stage from API Gateway with no authorization at all: it is
#   reported on the API.
# scope: document
# custom:
#   id: aws-apigatewayv2-route-authorization
#   severity: high
#   concern: auth
#   remediation: Set authorizationType to "JWT", "AWS_IAM" or "CUSTOM" with an authorizerId on the route.
#   compliance:
#     nist-800-53: ["AC-3", "IA-2"]
#     owasp-api-top-10: ["API2:2023", "API5:2023"]
#     fsbp: ["APIGateway.8"]
deny contains msg if {
	pulumi.is_type(input, route_type)
	props := input.properties
	not pulumi.unknown(props, "authorizationType")
	no_authorization(props)
	pulumi.known(props, "routeKey")
	authorizable(props.routeKey)
	msg := sprintf("API Gateway v2 route %q lets anyone call it (authorizationType NONE%s): set authorizationType to \"JWT\", \"AWS_IAM\" or \"CUSTOM\" with an authorizer.", [input.name, api_key_note(props)])
}

deny contains msg if {
	pulumi.is_type(input, api_type)
	pulumi.known(input.properties, "target")
	input.properties.target != ""
	msg := sprintf("API Gateway v2 API %q is created with quick create (target), whose %s route lets anyone call the integration: remove target and define routes with authorizationType \"JWT\", \"AWS_IAM\" or \"CUSTOM\".", [input.name, quick_route(input.properties)])
}

resource_types := pulumi.with_aliases({api_type, route_type})

api_type := "aws:apigatewayv2/api:Api"

route_type := "aws:apigatewayv2/route:Route"

quick_route(props) := props.routeKey if {
	is_string(props.routeKey)
	not pulumi.is_unknown(props.routeKey)
} else := "$default"

no_authorization(props) if pulumi.absent(props, "authorizationType")

no_authorization(props) if upper(props.authorizationType) == "NONE"

# An HTTP API route key "<METHOD> <path>" other than a CORS preflight.
authorizable(key) if {
	regex.match(`^[A-Za-z]+ /`, key)
	not startswith(upper(key), "OPTIONS ")
}

# The only WebSocket route that can carry an authorizer.
authorizable("$connect")

api_key_note(props) := "; an API key is not authentication" if props.apiKeyRequired == true

api_key_note(props) := "" if not props.apiKeyRequired == true
