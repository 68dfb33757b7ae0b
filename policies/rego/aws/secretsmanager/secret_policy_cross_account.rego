package aws.secretsmanager.secret_policy_cross_account

import data.lib.iam
import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: Secret policies grant only principals of the secret's own account
# description: |
#   A Secrets Manager resource policy that allows a principal of another account lets that
#   account read the credential (with kms:Decrypt on the key): a trust decision that
#   belongs in review, not in a default. The secret's account is read from the policy's
#   secretArn; a principal given as an account id, an account root or an IAM ARN of any
#   other account is reported. Unknown ARNs are not judged.
# scope: document
# custom:
#   id: aws-secretsmanager-secret-policy-cross-account
#   severity: medium
#   concern: iam
#   remediation: Grant readers of the secret's own account only, or share the credential through a dedicated secret per consuming account (stackguard.components.SecretStore asks for a reason).
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     owasp-api-top-10: ["API5:2023"]
deny contains msg if {
	input.type in resource_types
	own := account_of(input.properties.secretArn)
	some a in iam_policies.allow_statements(input.properties.policy)
	some principal in iam.principals(a.statement)
	other := account_of_principal(principal)
	other != own
	msg := sprintf("Secret policy %q %s lets account %s read the secret of account %s: grant principals of the secret's own account only.", [input.name, a.label, other, own])
}

resource_types := pulumi.with_aliases({"aws:secretsmanager/secretPolicy:SecretPolicy"})

account_of(arn) := parts[4] if {
	is_string(arn)
	parts := split(arn, ":")
	count(parts) > 5
	regex.match(`^[0-9]{12}$`, parts[4])
}

account_of_principal(p) := p if regex.match(`^[0-9]{12}$`, p)

account_of_principal(p) := account_of(p) if startswith(p, "arn:")
