package aws.pulumi.unknown_value

import data.lib.security_values

# METADATA
# title: Security-relevant values are known when the gate judges them
# description: |
#   A value that decides a resource's security (a policy document, key rotation, a
#   security group's CIDR blocks and ports, public access, an authorization type) but
#   is computed from another resource's output is unknown during a preview: no rule
#   can judge it, so "no findings" would mean "not checked". The finding says which
#   value was not judged. The profile decides whether that blocks (mandatory: prod)
#   or is only reported (advisory: dev). The CrossGuard pack judges the resource again
#   at `pulumi up`, once the value is known, so in the pack this finding is advisory.
# scope: document
# custom:
#   id: aws-pulumi-unknown-value
#   severity: high
#   concern: iam
#   remediation: Build the value from known inputs, or gate the update with the policy pack (`pulumi up --policy-pack`), which judges it once it is known; in dev, set this rule to advisory in the profile.
#   compliance:
#     nist-800-53: ["CA-7", "CM-6"]
deny contains msg if {
	some label in security_values.unknown
	msg := sprintf("%s %q: %s is unknown until deployment (computed from another resource's output), so it was not judged; the policy pack judges it again at `pulumi up`.", [input.type, input.name, label])
}

resource_types := security_values.types
