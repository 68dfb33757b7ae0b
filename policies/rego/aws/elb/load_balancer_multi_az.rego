package aws.elb.load_balancer_multi_az

import data.lib.pulumi

# METADATA
# title: Classic Load Balancers span at least two Availability Zones
# description: |
#   A Classic Load Balancer in a single Availability Zone (one entry in availabilityZones
#   or subnets) goes down with that zone. It must span at least two. Unknown lists are not
#   judged.
# scope: document
# custom:
#   id: aws-elb-load-balancer-multi-az
#   severity: low
#   concern: network
#   remediation: 'Give aws.elb.LoadBalancer subnets in two or more Availability Zones (or availability_zones with two or more zones).'
#   compliance:
#     fsbp: ["ELB.10"]
#     nist-800-53: ["CP-10", "SC-5"]
deny contains msg if {
	input.type in resource_types
	not pulumi.unknown(input.properties, "availabilityZones")
	not pulumi.unknown(input.properties, "subnets")
	count(object.get(input.properties, "availabilityZones", [])) < 2
	count(object.get(input.properties, "subnets", [])) < 2
	msg := sprintf("Classic Load Balancer %q is in a single Availability Zone: give it subnets in at least two zones.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:elb/loadBalancer:LoadBalancer"})
