package aws.apigateway.method_authorization

import data.lib.pulumi

# METADATA
# title: API Gateway REST methods require authorization
# description: |
#   A REST API method must authenticate its callers (authorization AWS_IAM,
#   COGNITO_USER_POOLS or CUSTOM with a Lambda authorizer). Authorization NONE
#   lets anyone on the network invoke the integration. apiKeyRequired alone does
#   not count: API keys identify a usage plan, are shared and sent in clear
#   headers, and AWS documents they must not be used for authorization.
#   OPTIONS methods are exempt, since CORS preflight requests carry no credentials.
# scope: document
# custom:
#   id: aws-apigateway-method-authorization
#   severity: high
#   concern: auth
#   remediation: Set authorization to "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM" (with authorizerId) on the method.
#   compliance:
#     nist-800-53: ["AC-3", "IA-2"]
#     owasp-api-top-10: ["API2:2023", "API5:2023"]
deny contains msg if {
	pulumi.is_type(input, "aws:apigateway/method:Method")
	props := input.properties
	not pulumi.unknown(props, "authorization")
	no_authorization(props)
	not pulumi.unknown(props, "httpMethod")
	not preflight(props)
	msg := sprintf("API Gateway method %q lets anyone call it (authorization NONE%s): set authorization to \"AWS_IAM\", \"COGNITO_USER_POOLS\" or \"CUSTOM\" with an authorizer.", [input.name, api_key_note(props)])
}

no_authorization(props) if pulumi.absent(props, "authorization")

no_authorization(props) if upper(props.authorization) == "NONE"

preflight(props) if upper(props.httpMethod) == "OPTIONS"

api_key_note(props) := "; an API key is not authentication" if props.apiKeyRequired == true

api_key_note(props) := "" if not props.apiKeyRequired == true
