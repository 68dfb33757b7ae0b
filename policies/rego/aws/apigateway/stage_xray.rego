package aws.apigateway.stage_xray

import data.lib.pulumi

# METADATA
# title: API Gateway REST stages trace requests with X-Ray
# description: |
#   A REST API stage should have AWS X-Ray active tracing on, so that a request
#   can be followed from the gateway through its integrations when investigating
#   an incident or abuse. Tracing complements access logs rather than replacing
#   them, hence low severity.
# scope: document
# custom:
#   id: aws-apigateway-stage-xray
#   severity: low
#   concern: logging
#   remediation: Set xrayTracingEnabled to true on the stage.
#   compliance:
#     nist-800-53: ["CA-7"]
#     fsbp: ["APIGateway.3"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "xrayTracingEnabled")
	msg := sprintf("API Gateway stage %q does not trace requests with X-Ray: set xrayTracingEnabled to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:apigateway/stage:Stage"})
