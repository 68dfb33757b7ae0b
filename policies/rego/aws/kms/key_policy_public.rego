package aws.kms.key_policy_public

import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: KMS key policies do not let anyone use the key
# description: |
#   A key policy (aws.kms.Key policy or aws.kms.KeyPolicy) must not Allow Principal "*",
#   {"AWS": "*"} or NotPrincipal without a condition narrowing the caller: anyone in any
#   AWS account could then use (and, depending on the actions, manage) the key, and
#   decrypt the data it protects.
#   Deny statements and named principals are fine. Conditions that count as narrowing:
#   aws:SourceVpc, aws:SourceVpce, aws:SourceAccount, aws:SourceArn, aws:SourceOwner,
#   aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, kms:CallerAccount,
#   kms:ViaService and aws:SourceIp; negated, …IfExists, Null and ForAllValues:
#   operators do not, nor do wildcard values ("*", "1234*", 0.0.0.0/0) or policy variables:
#   only fixed values (or ARNs pinned to one account) narrow. The VPC-endpoint owner keys
#   aws:VpceAccount, aws:VpceOrgID, aws:VpceOrgPaths and aws:PrincipalOrgPaths narrow too.
#   An unknown policy is not judged.
# scope: document
# custom:
#   id: aws-kms-key-policy-public
#   severity: critical
#   concern: iam
#   remediation: Name the principals in the key policy, or add a kms:CallerAccount/kms:ViaService or aws:PrincipalOrgID condition to the statement.
#   compliance:
#     fsbp: ["KMS.5"]
#     nist-800-53: ["AC-3", "AC-6", "SC-12"]
#     pci-dss: ["3.6.1", "7.2.1"]
deny contains msg if {
	some token, kind in kinds
	pulumi.is_type(input, token)
	some stmt in iam_policies.public_statements(input.properties.policy)
	msg := sprintf(
		"%s %q has a policy %s that lets any AWS identity use the key, with no condition narrowing the caller: name the principals (for example arn:aws:iam::<account>:root), or add a kms:CallerAccount and kms:ViaService (or aws:PrincipalOrgID) condition.",
		[kind, input.name, stmt],
	)
}

resource_types := pulumi.with_aliases(object.keys(kinds))

# The resource types whose `policy` is this resource policy, with the words that name them.
kinds := {
	"aws:kms/key:Key": "KMS key",
	"aws:kms/keyPolicy:KeyPolicy": "KMS key policy",
}
