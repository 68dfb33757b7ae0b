package aws.lb.load_balancer_multi_az

import data.lib.pulumi

# METADATA
# title: Application, Network and Gateway Load Balancers span at least two Availability Zones
# description: |
#   A load balancer with subnets (or subnetMappings) in a single Availability Zone goes
#   down with that zone. ALBs need two zones anyway; NLBs and GWLBs accept one. It must
#   span at least two. Unknown lists are not judged.
# scope: document
# custom:
#   id: aws-lb-load-balancer-multi-az
#   severity: low
#   concern: network
#   remediation: 'Give aws.lb.LoadBalancer subnets in two or more Availability Zones.'
#   compliance:
#     fsbp: ["ELB.13"]
#     nist-800-53: ["CP-10", "SC-5"]
deny contains msg if {
	input.type in resource_types
	not pulumi.unknown(input.properties, "subnets")
	not pulumi.unknown(input.properties, "subnetMappings")
	count(object.get(input.properties, "subnets", [])) + count(object.get(input.properties, "subnetMappings", [])) == 1
	msg := sprintf("Load balancer %q is in a single Availability Zone: give it subnets in at least two zones.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:lb/loadBalancer:LoadBalancer"})
