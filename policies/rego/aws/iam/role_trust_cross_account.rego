package aws.iam.role_trust_cross_account

import data.lib.iam
import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: Cross-account role trust requires an external id or an organization condition
# description: |
#   A role whose trust policy (assumeRolePolicy) Allows an AWS account principal (a
#   12-digit account id, or an arn:aws:iam::<account>:root, role, user or sts
#   assumed-role ARN) lets that account assume it. Accounts of the stack's trusted set may
#   be trusted freely, down to a specific role; any other account needs an sts:ExternalId
#   condition (against the confused-deputy problem for third parties) or an
#   aws:PrincipalOrgID / aws:PrincipalOrgPaths condition (for accounts of your
#   organization), with a fixed value, either on the Allow statement or as a Deny statement
#   that refuses the principal when the condition does not match (StringNotEquals…).
#   A statement that requires MFA (Bool aws:MultiFactorAuthPresent "true", or
#   NumericLessThan aws:MultiFactorAuthAge) is AWS's documented trust for people of
#   another account you own and is not reported: an external id is for third-party
#   services, which cannot present MFA.
#   The trusted set is the stack's own account as the rule can see it, plus
#   trustedAccountIds: the provider's allowedAccountIds (sent with the resource during a
#   preview) and the accounts of the customer-managed policy ARNs the role itself carries
#   (managedPolicyArns, permissionsBoundary). List your accounts in trustedAccountIds when
#   neither is present (a stack export carries no provider configuration). Service and
#   Federated principals are out of scope, as is the wildcard principal
#   (aws-iam-role-trust-any-principal); Deny statements grant nothing and are not judged.
#   An sts:ExternalId condition whose value is empty is reported too: the external id was
#   meant to be there (an unset variable, a blank config value) and is not, and STS refuses
#   external ids shorter than two characters, so the role cannot be assumed as intended.
# scope: document
# custom:
#   id: aws-iam-role-trust-cross-account
#   severity: high
#   concern: iam
#   remediation: Add a StringEquals condition on sts:ExternalId (third parties) or aws:PrincipalOrgID (your organization) to the trust statement, or list the account in trustedAccountIds if it is your own.
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
	input.type in resource_types
	doc := input.properties.assumeRolePolicy
	some a in iam_policies.allow_statements(doc)
	not iam_policies.restricted_by(a.statement, condition_keys)
	not requires_mfa(a.statement)
	some principal in aws_principals(a.statement)
	account := account_of(principal)
	not account in trusted_accounts
	not guarded_by_deny(doc, principal)
	msg := sprintf(
		"IAM role %q trusts AWS account %s in its trust policy %s without an sts:ExternalId or aws:PrincipalOrgID condition: add one of these conditions, or list the account in the rule's trustedAccountIds if it is your own.",
		[input.name, account, a.label],
	)
}

deny contains msg if {
	input.type in resource_types
	some a in iam_policies.allow_statements(input.properties.assumeRolePolicy)
	some _, block in object.get(a.statement, "Condition", {})
	some key, value in block
	lower(key) == "sts:externalid"
	some v in iam.as_list(value)
	pulumi.blank(v)
	msg := sprintf(
		"IAM role %q requires an empty sts:ExternalId in its trust policy %s: set the external id the third party was given (STS refuses ids shorter than two characters, so the condition protects nothing as written).",
		[input.name, a.label],
	)
}

resource_types := pulumi.with_aliases({"aws:iam/role:Role"})

condition_keys := {"sts:externalid", "aws:principalorgid", "aws:principalorgpaths"}

# requires_mfa(stmt) holds when the statement only applies to callers who signed in with MFA
# (https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_cross-account-with-roles.html).
requires_mfa(stmt) if {
	some operator, block in stmt.Condition
	lower(operator) == "bool"
	some key, value in block
	lower(key) == "aws:multifactorauthpresent"
	every v in iam.as_list(value) {
		lower(sprintf("%v", [v])) == "true"
	}
}

requires_mfa(stmt) if {
	some operator, block in stmt.Condition
	lower(operator) in {"numericlessthan", "numericlessthanequals"}
	some key, _ in block
	lower(key) == "aws:multifactorauthage"
}

# trusted_accounts is the set of accounts the role may trust freely: the configured ones, the
# provider's allowedAccountIds, and the accounts named by the role's own policy ARNs.
trusted_accounts := (configured_accounts | provider_accounts) | own_accounts

configured_accounts := {id |
	some id in object.get(pulumi.config("aws-iam-role-trust-cross-account"), "trustedAccountIds", [])
	is_string(id)
}

# The provider sends list inputs either as a list or as JSON text.
provider_accounts := {id |
	some id in as_array(object.get(input, ["provider", "properties", "allowedAccountIds"], []))
	is_string(id)
	regex.match(`^[0-9]{12}$`, id)
}

as_array(x) := x if is_array(x)

as_array(x) := json.unmarshal(x) if {
	is_string(x)
	json.is_valid(x)
	is_array(json.unmarshal(x))
}

own_accounts := {account |
	some key in ["managedPolicyArns", "permissionsBoundary"]
	some arn in iam.as_list(object.get(input.properties, key, []))
	is_string(arn)
	account := account_of(arn)
}

# guarded_by_deny(doc, principal) holds when a Deny statement of the trust policy refuses
# sts:AssumeRole to the principal (or to everyone) unless an external id or organization
# condition matches: a negated operator (StringNotEquals…) on one of condition_keys.
guarded_by_deny(doc, principal) if {
	some s in iam.statements(doc)
	s.Effect == "Deny"
	covered_principal(s, principal)
	iam_policies.grants(s, "sts:assumerole")
	some operator, block in s.Condition
	contains(lower(operator), "not")
	some key, _ in block
	lower(key) in condition_keys
}

covered_principal(s, principal) if principal in aws_principals(s)

covered_principal(s, _) if iam.wildcard_principal(s)

# aws_principals(stmt) is the set of values of the statement's "AWS" principal.
aws_principals(stmt) := {p | some p in iam.as_list(stmt.Principal.AWS); is_string(p)}

# account_of(principal) is the account id of an AWS account principal or ARN.
account_of(principal) := principal if regex.match(`^[0-9]{12}$`, principal)

account_of(principal) := parts[0][1] if {
	parts := regex.find_all_string_submatch_n(`^arn:aws(?:-[a-z0-9-]+)?:(?:iam|sts)::([0-9]{12}):`, principal, 1)
	count(parts) == 1
}
