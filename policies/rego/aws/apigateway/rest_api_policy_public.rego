package aws.apigateway.rest_api_policy_public

import data.lib.iam_policies
import data.lib.openapi
import data.lib.pulumi

# METADATA
# title: API Gateway resource policies do not let anyone invoke the API unconditionally
# description: |
#   A REST API resource policy (aws.apigateway.RestApi policy or RestApiPolicy) that Allows
#   Principal "*", {"AWS": "*"} or NotPrincipal must narrow the callers with a condition:
#   aws:SourceVpce or aws:SourceVpc for a private API (otherwise any VPC endpoint of any
#   account can reach it), aws:SourceIp, aws:PrincipalOrgID or aws:PrincipalAccount. An
#   API that is meant to be public should not rely on a resource policy; exempt it with
#   a reason.
#   Deny statements and named principals are fine. Conditions that count as narrowing:
#   aws:SourceVpc, aws:SourceVpce, aws:SourceAccount, aws:SourceArn, aws:SourceOwner,
#   aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, kms:CallerAccount,
#   kms:ViaService and aws:SourceIp; negated, …IfExists, Null and ForAllValues:
#   operators and wildcard values ("*", 0.0.0.0/0) do not. An unknown policy is not judged.
# scope: document
# custom:
#   id: aws-apigateway-rest-api-policy-public
#   severity: critical
#   concern: iam
#   remediation: Add an aws:SourceVpce (private API), aws:SourceIp or aws:PrincipalOrgID condition to the Allow statement, or name the principals that may invoke the API.
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
#     owasp-api-top-10: ["API8:2023"]
deny contains msg if {
	some token, kind in kinds
	pulumi.is_type(input, token)
	some stmt in iam_policies.public_statements(input.properties.policy)
	msg := sprintf(
		"%s %q has a policy %s that lets any caller invoke the API, with no condition narrowing the caller: add an aws:SourceVpce (private APIs), aws:SourceIp or aws:PrincipalOrgID condition, or name the principals.",
		[kind, input.name, stmt],
	)
}

resource_types := pulumi.with_aliases(object.keys(kinds))

# The resource types whose `policy` is this resource policy, with the words that name them.
kinds := {
	rest_api_type: "API Gateway REST API",
	"aws:apigateway/restApiPolicy:RestApiPolicy": "API Gateway REST API policy",
}

rest_api_type := "aws:apigateway/restApi:RestApi"

# The resource policy written into the OpenAPI body (x-amazon-apigateway-policy), which API
# Gateway applies when it imports the body.
deny contains msg if {
	pulumi.is_type(input, rest_api_type)
	doc := openapi.document(input.properties)
	policy := doc["x-amazon-apigateway-policy"]
	some stmt in iam_policies.public_statements(policy)
	msg := sprintf(
		"API Gateway REST API %q has an x-amazon-apigateway-policy in its OpenAPI body with %s that lets any caller invoke the API, with no condition narrowing the caller: add an aws:SourceVpce, aws:SourceIp or aws:PrincipalOrgID condition, or name the principals.",
		[input.name, stmt],
	)
}
