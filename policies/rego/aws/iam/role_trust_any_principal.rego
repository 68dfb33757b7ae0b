package aws.iam.role_trust_any_principal

import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: IAM roles cannot be assumed by anyone
# description: |
#   A role's trust policy (assumeRolePolicy) must not Allow Principal "*",
#   {"AWS": "*"}, arn:aws:iam::*:root or NotPrincipal without a condition that narrows who
#   may assume it: aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount,
#   aws:PrincipalArn, aws:SourceAccount, aws:SourceArn or sts:ExternalId. Otherwise any
#   AWS identity in any account can take the role's permissions. Negated, …IfExists,
#   Null and ForAllValues: conditions do not count as narrowing, nor do values with wildcards
#   ("arn:aws:iam::*:role/*", "1234*") or policy variables: only fixed values narrow.
# scope: document
# custom:
#   id: aws-iam-role-trust-any-principal
#   severity: critical
#   concern: iam
#   remediation: Name the accounts, roles or services that may assume the role in Principal, or add an aws:PrincipalOrgID (or aws:PrincipalArn, sts:ExternalId) condition.
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	input.type in resource_types
	some stmt in iam_policies.open_statements(input.properties.assumeRolePolicy, trust_condition_keys)
	msg := sprintf(
		"IAM role %q can be assumed by any AWS identity: its trust policy %s has no condition narrowing the caller. Name the trusted principals, or add an aws:PrincipalOrgID, aws:PrincipalArn or sts:ExternalId condition.",
		[input.name, stmt],
	)
}

resource_types := pulumi.with_aliases({"aws:iam/role:Role"})

# Condition keys that keep a wildcard trust from being open to everyone.
trust_condition_keys := {
	"aws:principalorgid",
	"aws:principalorgpaths",
	"aws:principalaccount",
	"aws:principalarn",
	"aws:sourceaccount",
	"aws:sourcearn",
	"sts:externalid",
}
