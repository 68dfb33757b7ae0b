package aws.lb.load_balancer_drop_invalid_headers

import data.lib.pulumi

# METADATA
# title: Application Load Balancers drop invalid HTTP headers
# description: |
#   With dropInvalidHeaderFields false (the default), an ALB forwards header names that
#   are not valid HTTP tokens, which back ends parse differently: the room HTTP request
#   smuggling and desync attacks need. Application load balancers must set
#   dropInvalidHeaderFields true. Network and Gateway Load Balancers do not parse HTTP and
#   are not judged, nor is an unknown setting.
# scope: document
# custom:
#   id: aws-lb-load-balancer-drop-invalid-headers
#   severity: medium
#   concern: https
#   remediation: Set drop_invalid_header_fields=True on aws.lb.LoadBalancer.
#   compliance:
#     fsbp: ["ELB.4"]
#     nist-800-53: ["SC-8", "SI-10"]
deny contains msg if {
	input.type in resource_types
	object.get(input.properties, "loadBalancerType", "application") == "application"
	pulumi.is_false(input.properties, "dropInvalidHeaderFields")
	msg := sprintf("Application Load Balancer %q forwards invalid HTTP header fields: set dropInvalidHeaderFields to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:lb/loadBalancer:LoadBalancer"})
