package aws.iam.policy_secret_unverifiable

import data.lib.pulumi

# METADATA
# title: Policy documents are readable by the gate, not Pulumi secrets
# description: |
#   A policy document (identity, trust, resource or OpenAPI body) that the program
#   marks as a Pulumi secret and that reaches the gate only as "[secret]" (a stack
#   export, a central OPA; preflight and the pack judge the plaintext with their private
#   OPA) cannot be verified, so "no findings" would mean "not checked". The profile
#   decides whether such an unverifiable document blocks (prod) or is only reported.
# scope: document
# custom:
#   id: aws-iam-policy-secret-unverifiable
#   severity: medium
#   concern: iam
#   remediation: Build policy documents from plain values (pulumi.Output.json_dumps of non-secret inputs) and keep secrets out of them; if a document must stay secret, exempt the finding with a reason.
#   compliance:
#     nist-800-53: ["AC-6", "CA-7"]
deny contains msg if {
	some key in policy_keys
	input.properties[key] == secret_marker
	msg := sprintf("%s %q: %s is a Pulumi secret, so its grants could not be verified.", [input.type, input.name, key])
}

deny contains msg if {
	some i, inline in input.properties.inlinePolicies
	inline.policy == secret_marker
	msg := sprintf("%s %q: inline policy #%d is a Pulumi secret, so its grants could not be verified.", [input.type, input.name, i + 1])
}

# The rule looks for a policy key in resources of every type, not only those other rules read.
resource_types := {pulumi.any_type}

# What stackguard hands OPA in place of a secret value (policies/stackguard/vocabulary.py).
secret_marker := "[secret]"

# Properties that carry a policy document in pulumi-aws resources.
policy_keys := {"policy", "assumeRolePolicy", "accessPolicies", "policyDocument", "body"}
