package aws.apigatewayv2.api_cors_wildcard

import data.lib.pulumi

# METADATA
# title: API Gateway HTTP APIs do not combine a wildcard CORS origin with credentials
# description: |
#   corsConfiguration.allowOrigins containing "*" together with allowCredentials
#   true is a misconfiguration: browsers refuse credentialed responses to a
#   wildcard origin, and the usual "fix" of reflecting any origin would let every
#   website read authenticated responses with the user's cookies. Credentialed
#   CORS must list the exact trusted origins.
# scope: document
# custom:
#   id: aws-apigatewayv2-api-cors-wildcard
#   severity: medium
#   concern: auth
#   remediation: List the exact trusted origins in corsConfiguration.allowOrigins, or set allowCredentials to false.
#   compliance:
#     owasp-api-top-10: ["API8:2023"]
deny contains msg if {
	pulumi.is_type(input, "aws:apigatewayv2/api:Api")
	cors := input.properties.corsConfiguration
	is_object(cors)
	cors.allowCredentials == true
	some origin in cors.allowOrigins
	origin == "*"
	msg := sprintf("API Gateway v2 API %q allows credentialed CORS requests from any origin (\"*\" with allowCredentials true): list the exact trusted origins in corsConfiguration.allowOrigins.", [input.name])
}
