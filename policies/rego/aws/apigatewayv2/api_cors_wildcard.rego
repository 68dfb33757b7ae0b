package aws.apigatewayv2.api_cors_wildcard

import data.lib.pulumi

# METADATA
# title: API Gateway HTTP APIs list their CORS origins and methods
# description: |
#   corsConfiguration.allowOrigins containing "*" together with allowCredentials
#   true is a misconfiguration: browsers refuse credentialed responses to a
#   wildcard origin, and the usual "fix" of reflecting any origin would let every
#   website read authenticated responses with the user's cookies. Credentialed
#   CORS must list the exact trusted origins. Without credentials, "*" origins or
#   methods still let any website's scripts call the API from its visitors' browsers
#   (inside their network), and an http:// origin is a page any network attacker can
#   modify: both are reported (stackguard.components.HttpApi needs allow_wildcard_cors /
#   allow_insecure_cors_origins with a reason for them).
# scope: document
# custom:
#   id: aws-apigatewayv2-api-cors-wildcard
#   severity: medium
#   concern: auth
#   remediation: List the exact trusted origins in corsConfiguration.allowOrigins, or set allowCredentials to false.
#   compliance:
#     owasp-api-top-10: ["API8:2023"]
deny contains msg if {
	input.type in resource_types
	cors := input.properties.corsConfiguration
	is_object(cors)
	cors.allowCredentials == true
	some origin in cors.allowOrigins
	origin == "*"
	msg := sprintf("API Gateway v2 API %q allows credentialed CORS requests from any origin (\"*\" with allowCredentials true): list the exact trusted origins in corsConfiguration.allowOrigins.", [input.name])
}

deny contains msg if {
	input.type in resource_types
	cors := input.properties.corsConfiguration
	is_object(cors)
	not cors.allowCredentials == true
	some field in ["allowOrigins", "allowMethods"]
	"*" in object.get(cors, field, [])
	msg := sprintf("API Gateway v2 API %q allows CORS requests with \"*\" in corsConfiguration.%s: list the trusted origins and the methods the browser clients use.", [input.name, field])
}

deny contains msg if {
	input.type in resource_types
	cors := input.properties.corsConfiguration
	is_object(cors)
	some origin in object.get(cors, "allowOrigins", [])
	is_string(origin)
	startswith(lower(origin), "http://")
	msg := sprintf("API Gateway v2 API %q trusts the plain-HTTP origin %s for CORS, a page any network attacker can modify: use its https:// origin.", [input.name, origin])
}

resource_types := pulumi.with_aliases({"aws:apigatewayv2/api:Api"})
