package aws.apigatewayv2.stage_web_acl

import data.lib.pulumi

# METADATA
# title: API Gateway HTTP and WebSocket stages have a WAF in front of them
# description: |
#   AWS WAF can be associated with REST API stages, not with HTTP or WebSocket API stages
#   (aws.apigatewayv2.Stage). Such a stage therefore receives injection payloads, known bad
#   inputs and floods unfiltered unless something else filters them (a CloudFront
#   distribution with a web ACL in front of a custom domain). Every v2 stage is reported:
#   use a REST API with a web ACL, or acknowledge the risk with a reason (stackguard.components.HttpApi
#   requires allow_without_waf).
# scope: document
# custom:
#   id: aws-apigatewayv2-stage-web-acl
#   severity: medium
#   concern: auth
#   remediation: Serve the API as a REST API with an aws.wafv2.WebAclAssociation on its stage, or put CloudFront with a web ACL in front and record the reason (stackguard.components.HttpApi allow_without_waf).
#   compliance:
#     nist-800-53: ["SC-7"]
#     pci-dss: ["6.4.2"]
#     owasp-api-top-10: ["API8:2023"]
deny contains msg if {
	input.type in resource_types
	msg := sprintf("API Gateway v2 stage %q cannot be associated with AWS WAF (HTTP and WebSocket APIs do not support it): use a REST API with a web ACL, or front it with CloudFront and a web ACL.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:apigatewayv2/stage:Stage"})
