package aws.lambda.function_url_auth

import data.lib.pulumi

# METADATA
# title: Lambda function URLs require IAM authentication
# description: |
#   A function URL with authorizationType NONE is a public HTTPS endpoint: anyone on the
#   internet can invoke the function, with no throttling, WAF or authorizer in front
#   of it, and every call is billed to the account. AWS_IAM makes callers sign their
#   requests; public APIs belong behind API Gateway (authorizers, throttling, WAF) or
#   CloudFront with origin access control. A deliberate public webhook is exempted with
#   a reason.
# scope: document
# custom:
#   id: aws-lambda-function-url-auth
#   severity: high
#   concern: auth
#   remediation: Set authorization_type="AWS_IAM" on aws.lambda_.FunctionUrl, or put the function behind API Gateway with an authorizer.
#   compliance:
#     fsbp: ["Lambda.1"]
#     nist-800-53: ["AC-3", "IA-2"]
#     owasp-api-top-10: ["API2:2023"]
deny contains msg if {
	input.type in resource_types
	input.properties.authorizationType == "NONE"
	msg := sprintf(
		"Lambda function URL %q lets anyone on the internet invoke the function without authentication (authorizationType \"NONE\"): set authorizationType to \"AWS_IAM\", or put the function behind API Gateway with an authorizer.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:lambda/functionUrl:FunctionUrl"})
