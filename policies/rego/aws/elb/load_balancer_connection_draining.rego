package aws.elb.load_balancer_connection_draining

import data.lib.pulumi

# METADATA
# title: Classic Load Balancers drain connections before deregistering instances
# description: |
#   Without connectionDraining (off by default), an instance taken out of service (a
#   deployment, a scale-in, a failed health check) has its in-flight requests cut, which
#   clients see as errors and retries. connectionDraining must be true. An unknown setting
#   is not judged.
# scope: document
# custom:
#   id: aws-elb-load-balancer-connection-draining
#   severity: low
#   concern: network
#   remediation: 'Set connection_draining=True and connection_draining_timeout=300 on aws.elb.LoadBalancer.'
#   compliance:
#     fsbp: ["ELB.7"]
#     nist-800-53: ["CP-10", "SC-5"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "connectionDraining")
	msg := sprintf("Classic Load Balancer %q cuts in-flight requests when an instance leaves: set connectionDraining to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:elb/loadBalancer:LoadBalancer"})
