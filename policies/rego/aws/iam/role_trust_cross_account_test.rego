package aws.iam.role_trust_cross_account_test

import data.aws.iam.role_trust_cross_account

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

rule_id := "aws-iam-role-trust-cross-account"

role(trust) := {
	"type": "aws:iam/role:Role",
	"urn": "urn:pulumi:prod::api::aws:iam/role:Role::vendor-audit",
	"name": "vendor-audit",
	"properties": {"assumeRolePolicy": trust, "managedPolicyArns": ["arn:aws:iam::aws:policy/SecurityAudit"]},
}

trust(statement) := {"Version": "2012-10-17", "Statement": [statement]}

vendor := trust({"Sid": "Vendor", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"})

test_flags_account_root_as_json_text if {
	findings := role_trust_cross_account.deny with input as role(json.marshal(vendor))
	findings == {"IAM role \"vendor-audit\" trusts AWS account 444455556666 in its trust policy statement \"Vendor\" without an sts:ExternalId or aws:PrincipalOrgID condition: add one of these conditions, or list the account in the rule's trustedAccountIds if it is your own."}
}

test_flags_account_id_role_and_user_principals if {
	t := trust({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": [
		"444455556666",
		"arn:aws:iam::777788889999:role/deployer",
		"arn:aws-us-gov:iam::123456789012:user/ops",
	]}})
	count(role_trust_cross_account.deny) == 3 with input as role(t)
}

test_flags_condition_that_does_not_narrow if {
	t := trust({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "444455556666"}, "Condition": {"StringNotEquals": {"sts:ExternalId": "x"}}})
	count(role_trust_cross_account.deny) == 1 with input as role(t)
}

test_passes_with_external_id_or_org if {
	every condition in [
		{"StringEquals": {"sts:ExternalId": "7f9c2ba4-e88f"}},
		{"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
		{"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"]}},
	] {
		t := trust({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Condition": condition})
		count(role_trust_cross_account.deny) == 0 with input as role(t)
	}
}

test_passes_trusted_account_from_config if {
	resource := object.union(role(vendor), {"config": {rule_id: {"trustedAccountIds": ["444455556666"]}}})
	count(role_trust_cross_account.deny) == 0 with input as resource
}

test_other_accounts_still_flagged_with_config if {
	resource := object.union(role(vendor), {"config": {rule_id: {"trustedAccountIds": ["111122223333"]}}})
	count(role_trust_cross_account.deny) == 1 with input as resource
}

test_passes_service_federated_and_wildcard_principals if {
	t := {"Version": "2012-10-17", "Statement": [
		{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"},
		{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity"},
		{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"},
	]}
	count(role_trust_cross_account.deny) == 0 with input as role(t)
}

test_passes_deny if {
	t := trust({"Effect": "Deny", "Principal": {"AWS": "444455556666"}, "Action": "sts:AssumeRole"})
	count(role_trust_cross_account.deny) == 0 with input as role(t)
}

test_unknown_values_are_not_judged if {
	count(role_trust_cross_account.deny) == 0 with input as role(unknown)
	count(role_trust_cross_account.deny) == 0 with input as role(trust({"Effect": "Allow", "Principal": {"AWS": unknown}, "Action": "sts:AssumeRole"}))
}

test_passes_role_of_own_account_known_from_provider if {
	own := trust({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/deployer"}, "Action": "sts:AssumeRole"})
	every allowed in [["444455556666"], "[\"444455556666\"]"] {
		resource := object.union(role(own), {"provider": {"type": "pulumi:providers:aws", "properties": {"allowedAccountIds": allowed}}})
		count(role_trust_cross_account.deny) == 0 with input as resource
	}
}

test_passes_role_of_own_account_known_from_policy_arns if {
	own := trust({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/deployer"}, "Action": "sts:AssumeRole"})
	resource := object.union(role(own), {"properties": {"permissionsBoundary": "arn:aws:iam::444455556666:policy/boundary"}})
	count(role_trust_cross_account.deny) == 0 with input as resource
}

test_other_accounts_flagged_beside_own_account if {
	t := trust({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": [
		"arn:aws:iam::444455556666:role/deployer",
		"arn:aws:iam::777788889999:root",
	]}})
	resource := object.union(role(t), {"provider": {"properties": {"allowedAccountIds": ["444455556666"]}}})
	findings := role_trust_cross_account.deny with input as resource
	count(findings) == 1
	some msg in findings
	contains(msg, "777788889999")
}

test_passes_deny_unless_external_id if {
	t := {"Version": "2012-10-17", "Statement": [
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::777788889999:root"}, "Action": "sts:AssumeRole"},
		{"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringNotEquals": {"sts:ExternalId": "4d2c8a"}}},
	]}
	count(role_trust_cross_account.deny) == 0 with input as role(t)
}

test_flags_wildcard_external_id if {
	t := trust({"Effect": "Allow", "Principal": {"AWS": "777788889999"}, "Action": "sts:AssumeRole", "Condition": {"StringLike": {"sts:ExternalId": "*"}}})
	count(role_trust_cross_account.deny) == 1 with input as role(t)
}

test_flags_empty_external_id if {
	t := trust({"Sid": "Vendor", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": ""}}})
	findings := role_trust_cross_account.deny with input as role(json.marshal(t))
	count(findings) == 1
	some f in findings
	contains(f, "empty sts:ExternalId")
	blank := trust({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": ["  "]}}})
	count(role_trust_cross_account.deny) == 1 with input as role(blank)
}

test_passes_trust_that_requires_mfa if {
	# AWS's tutorial for people of another account you own (issue #23: flagged wrongly).
	every condition in [
		{"Bool": {"aws:MultiFactorAuthPresent": "true"}},
		{"Bool": {"aws:MultiFactorAuthPresent": true}},
		{"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}},
	] {
		t := trust({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "444455556666"}, "Condition": condition})
		count(role_trust_cross_account.deny) == 0 with input as role(t)
	}
}

test_flags_mfa_conditions_that_do_not_require_it if {
	every condition in [
		{"Bool": {"aws:MultiFactorAuthPresent": "false"}},
		{"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}},
		{"NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"}},
	] {
		t := trust({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "444455556666"}, "Condition": condition})
		count(role_trust_cross_account.deny) == 1 with input as role(t)
	}
}
