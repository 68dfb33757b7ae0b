package aws.elb.load_balancer_cross_zone

import data.lib.pulumi

# METADATA
# title: Classic Load Balancers balance across Availability Zones
# description: |
#   crossZoneLoadBalancing false sends each zone's share of traffic only to that zone's
#   instances: a zone with fewer healthy instances is overloaded while the others idle,
#   and a zone failure shifts load unevenly. Leave it true (the provider's default). An
#   unknown setting is not judged.
# scope: document
# custom:
#   id: aws-elb-load-balancer-cross-zone
#   severity: low
#   concern: network
#   remediation: 'Remove cross_zone_load_balancing=False from aws.elb.LoadBalancer.'
#   compliance:
#     fsbp: ["ELB.9"]
#     nist-800-53: ["CP-10", "SC-5"]
deny contains msg if {
	input.type in resource_types
	input.properties.crossZoneLoadBalancing == false
	msg := sprintf("Classic Load Balancer %q does not balance across zones: set crossZoneLoadBalancing to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:elb/loadBalancer:LoadBalancer"})
