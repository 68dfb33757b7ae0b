package aws.iam.role_trust_cross_account

import data.lib.iam
import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: Cross-account role trust requires an external id or an organization condition
# description: |
#   A role whose trust policy (assumeRolePolicy) Allows an AWS account principal (a
#   12-digit account id, or an arn:aws:iam::<account>:root, role, user or sts
#   assumed-role ARN) lets that account assume it. Unless the account is one of your own
#   (listed in trustedAccountIds), the statement must carry an sts:ExternalId condition
#   (against the confused-deputy problem for third parties) or an aws:PrincipalOrgID /
#   aws:PrincipalOrgPaths condition (for accounts of your organization). Service and
#   Federated principals are out of scope, as is the wildcard principal
#   (aws-iam-role-trust-any-principal). List your own account ids in trustedAccountIds:
#   the rule cannot tell which account the role lives in.
# scope: document
# custom:
#   id: aws-iam-role-trust-cross-account
#   severity: high
#   concern: iam
#   remediation: Add a StringEquals condition on sts:ExternalId (third parties) or aws:PrincipalOrgID (your organization) to the trust statement, or list the account in trustedAccountIds.
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
#   config:
#     trustedAccountIds:
#       type: array
#       items:
#         type: string
#         pattern: "^[0-9]{12}$"
#       default: []
#       description: AWS account ids (12 digits, as strings) that roles may trust without a condition, such as your own accounts.
deny contains msg if {
	pulumi.is_type(input, "aws:iam/role:Role")
	some a in iam_policies.allow_statements(input.properties.assumeRolePolicy)
	not iam_policies.restricted_by(a.statement, condition_keys)
	some principal in aws_principals(a.statement)
	account := account_of(principal)
	not account in trusted_accounts
	msg := sprintf(
		"IAM role %q trusts AWS account %s in its trust policy %s without an sts:ExternalId or aws:PrincipalOrgID condition: add one of these conditions, or list the account in the rule's trustedAccountIds if it is your own.",
		[input.name, account, a.label],
	)
}

condition_keys := {"sts:externalid", "aws:principalorgid", "aws:principalorgpaths"}

trusted_accounts := {id |
	some id in object.get(pulumi.config("aws-iam-role-trust-cross-account"), "trustedAccountIds", [])
	is_string(id)
}

# aws_principals(stmt) is the set of values of the statement's "AWS" principal.
aws_principals(stmt) := {p | some p in iam.as_list(stmt.Principal.AWS); is_string(p)}

# account_of(principal) is the account id of an AWS account principal.
account_of(principal) := principal if regex.match(`^[0-9]{12}$`, principal)

account_of(principal) := parts[0][1] if {
	parts := regex.find_all_string_submatch_n(`^arn:aws(?:-[a-z0-9-]+)?:(?:iam|sts)::([0-9]{12}):`, principal, 1)
	count(parts) == 1
}
