package aws.pulumi.secret_value

import data.lib.security_values

# METADATA
# title: Security-relevant values are readable by the gate, not Pulumi secrets
# description: |
#   A value that decides a resource's security (key rotation, a security group's CIDR
#   blocks and ports, public access, encryption, an authorization type) that the program
#   wraps as a Pulumi secret is judged where stackguard holds its plaintext (preflight and
#   the pack, with their private OPA; messages show it as "[secret]"). Where it reaches the
#   gate only as "[secret]" (a stack export keeps it encrypted, a central OPA never gets a
#   secret's plaintext), no rule can judge it, so "no findings" would mean "not checked".
#   The finding says which value was not judged; the value itself is never shown. The
#   profile decides whether that blocks (prod) or is only reported (dev). Policy documents
#   are reported by aws-iam-policy-secret-unverifiable.
# scope: document
# custom:
#   id: aws-pulumi-secret-value
#   severity: high
#   concern: iam
#   remediation: Keep security settings out of secrets (Output.secret is for credentials, not for rotation flags, CIDR blocks or authorization types); if a value must stay secret, exempt the finding with a reason.
#   compliance:
#     nist-800-53: ["CA-7", "CM-6"]
deny contains msg if {
	some label in security_values.secret
	not label in policy_documents
	msg := sprintf("%s %q: %s is a Pulumi secret, so it was not judged.", [input.type, input.name, label])
}

resource_types := security_values.types

# Policy documents have their own rule (aws-iam-policy-secret-unverifiable).
policy_documents := {"policy", "assumeRolePolicy"}
