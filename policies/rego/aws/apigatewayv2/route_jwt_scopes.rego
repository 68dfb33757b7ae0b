package aws.apigatewayv2.route_jwt_scopes

import data.lib.pulumi

# METADATA
# title: API Gateway HTTP routes behind a JWT authorizer require scopes
# description: |
#   An HTTP API route with authorizationType JWT and no authorizationScopes accepts any
#   token the issuer signs for one of the authorizer's audiences, whatever it was issued
#   for: API Gateway then only checks the signature, expiry, issuer and audience (an ID
#   token of the same app client passes too). With authorizationScopes, API Gateway also
#   requires one of the listed scopes in the token's scope or scp claim, so a token meant
#   for reading cannot call a route that writes.
# scope: document
# custom:
#   id: aws-apigatewayv2-route-jwt-scopes
#   severity: medium
#   concern: auth
#   remediation: Set authorizationScopes on the route to the OAuth scopes it needs (for example ["orders/read"]).
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     owasp-api-top-10: ["API5:2023"]
deny contains msg if {
	pulumi.is_type(input, route_type)
	props := input.properties
	pulumi.known(props, "authorizationType")
	upper(props.authorizationType) == "JWT"
	not pulumi.unknown(props, "authorizationScopes")
	no_scopes(object.get(props, "authorizationScopes", null))
	msg := sprintf("API Gateway v2 route %q accepts any token of its JWT authorizer's issuer and audiences (no authorizationScopes): set authorizationScopes to the scopes the route needs.", [input.name])
}

resource_types := pulumi.with_aliases({route_type})

route_type := "aws:apigatewayv2/route:Route"

no_scopes(null)

no_scopes(scopes) if {
	is_array(scopes)
	count([s | some s in scopes; is_string(s); trim_space(s) != ""]) == 0
}
