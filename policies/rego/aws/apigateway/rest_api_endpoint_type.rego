package aws.apigateway.rest_api_endpoint_type

import data.lib.pulumi

rule_id := "aws-apigateway-rest-api-endpoint-type"

# METADATA
# title: REST APIs use an allowed endpoint type (not edge-optimized by default)
# description: |
#   A REST API is edge-optimized (EDGE) unless endpointConfiguration says otherwise.
#   An edge-optimized API is fronted by a CloudFront distribution that AWS manages
#   and the account cannot configure: no own web ACL, geo restriction, TLS policy or
#   logging at the edge. Regional APIs (optionally behind a CloudFront distribution
#   you own) and private APIs keep that network path under your control. The allowed
#   types are configurable; by default REGIONAL and PRIVATE.
# scope: document
# custom:
#   id: aws-apigateway-rest-api-endpoint-type
#   severity: medium
#   concern: network
#   remediation: Set endpointConfiguration.types to "REGIONAL" (or "PRIVATE" for APIs used only from VPCs).
#   compliance:
#     nist-800-53: ["SC-7"]
#     owasp-api-top-10: ["API8:2023"]
#   config:
#     allowedEndpointTypes:
#       type: array
#       items:
#         type: string
#         enum: ["EDGE", "REGIONAL", "PRIVATE"]
#       default: ["REGIONAL", "PRIVATE"]
#       description: Endpoint types a REST API may use; add "EDGE" to allow edge-optimized APIs.
deny contains msg if {
	input.type in resource_types
	some endpoint_type in endpoint_types(input.properties)
	not endpoint_type in allowed_types
	msg := sprintf("REST API %q uses the %s endpoint type, which is not allowed here (allowed: %s): set endpointConfiguration.types to one of the allowed types.", [input.name, endpoint_type, concat(", ", sort(allowed_types))])
}

resource_types := pulumi.with_aliases({"aws:apigateway/restApi:RestApi"})

default_allowed := ["REGIONAL", "PRIVATE"]

# allowed_types is the configured list (a single string is accepted too), upper-cased.
allowed_types := {upper(t) | some t in as_list(object.get(pulumi.config(rule_id), "allowedEndpointTypes", default_allowed)); is_string(t)}

# endpoint_types(props) is the set of endpoint types of the API: EDGE when no endpoint
# configuration is given (the AWS default); empty while the configuration is unknown.
endpoint_types(props) := {"EDGE"} if pulumi.absent(props, "endpointConfiguration")

endpoint_types(props) := {"EDGE"} if {
	is_object(props.endpointConfiguration)
	pulumi.absent(props.endpointConfiguration, "types")
}

# types is one string in pulumi_aws 7 and a list in earlier versions: accept both.
endpoint_types(props) := {upper(t) | some t in as_list(props.endpointConfiguration.types); is_string(t); not pulumi.is_unknown(t)} if {
	is_object(props.endpointConfiguration)
	pulumi.known(props.endpointConfiguration, "types")
}

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)
