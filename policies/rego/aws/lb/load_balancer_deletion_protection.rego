package aws.lb.load_balancer_deletion_protection

import data.lib.pulumi

# METADATA
# title: Load balancers are protected against deletion
# description: |
#   Without enableDeletionProtection, one mistaken `pulumi destroy`, a replacement forced
#   by a changed property or a stolen credential with elasticloadbalancing:Delete* takes
#   the application offline and frees its DNS name. enableDeletionProtection must be true
#   (it defaults to false). An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-lb-load-balancer-deletion-protection
#   severity: low
#   concern: iam
#   remediation: Set enable_deletion_protection=True on aws.lb.LoadBalancer (turn it off deliberately before deleting the load balancer).
#   compliance:
#     fsbp: ["ELB.6"]
#     nist-800-53: ["CP-10", "SC-5"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "enableDeletionProtection")
	msg := sprintf("Load balancer %q can be deleted by a single call: set enableDeletionProtection to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:lb/loadBalancer:LoadBalancer"})
