package aws.lb.load_balancer_desync_mitigation

import data.lib.pulumi

# METADATA
# title: Load balancers mitigate HTTP desync attacks
# description: |
#   desyncMitigationMode monitor forwards every request, including the ambiguous ones
#   that front and back ends parse differently (HTTP request smuggling). Application and
#   Classic Load Balancers must keep defensive (the default) or strictest. An unknown
#   mode is not judged.
# scope: document
# custom:
#   id: aws-lb-load-balancer-desync-mitigation
#   severity: medium
#   concern: https
#   remediation: Remove desync_mitigation_mode="monitor" from aws.lb.LoadBalancer or aws.elb.LoadBalancer (defensive is the default), or set "strictest".
#   compliance:
#     fsbp: ["ELB.12", "ELB.14"]
#     nist-800-53: ["SC-8", "SI-10"]
deny contains msg if {
	input.type in resource_types
	input.properties.desyncMitigationMode == "monitor"
	msg := sprintf("Load balancer %q only monitors HTTP desync (request smuggling) attempts: set desyncMitigationMode to defensive or strictest.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:lb/loadBalancer:LoadBalancer", "aws:elb/loadBalancer:LoadBalancer"})
