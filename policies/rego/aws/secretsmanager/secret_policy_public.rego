package aws.secretsmanager.secret_policy_public

import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: Secrets Manager resource policies do not let anyone read the secret
# description: |
#   A secret's resource policy (aws.secretsmanager.Secret policy or SecretPolicy) must not
#   Allow Principal "*", {"AWS": "*"} or NotPrincipal without a condition narrowing the
#   caller: anyone in any AWS account could then read or change the secret.
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
#   id: aws-secretsmanager-secret-policy-public
#   severity: critical
#   concern: iam
#   remediation: Name the roles that need the secret in Principal, or add an aws:PrincipalOrgID or aws:PrincipalArn condition; set blockPublicPolicy on SecretPolicy.
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	some token, kind in kinds
	pulumi.is_type(input, token)
	some stmt in iam_policies.public_statements(input.properties.policy)
	msg := sprintf(
		"%s %q has a policy %s that lets any AWS identity access the secret, with no condition narrowing the caller: name the roles that need the secret, or add an aws:PrincipalOrgID or aws:PrincipalArn condition (and set blockPublicPolicy on SecretPolicy).",
		[kind, input.name, stmt],
	)
}

resource_types := pulumi.with_aliases(object.keys(kinds))

# The resource types whose `policy` is this resource policy, with the words that name them.
kinds := {
	"aws:secretsmanager/secret:Secret": "Secrets Manager secret",
	"aws:secretsmanager/secretPolicy:SecretPolicy": "Secrets Manager secret policy",
}
