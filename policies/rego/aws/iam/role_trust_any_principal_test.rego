package aws.iam.role_trust_any_principal_test

import data.aws.iam.role_trust_any_principal

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

role(trust) := {
	"type": "aws:iam/role:Role",
	"urn": "urn:pulumi:prod::api::aws:iam/role:Role::partner-access",
	"name": "partner-access",
	"properties": {"assumeRolePolicy": trust, "maxSessionDuration": 3600},
}

trust(statement) := {"Version": "2012-10-17", "Statement": [statement]}

test_flags_aws_wildcard_as_json_text if {
	t := trust({"Sid": "Anyone", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"})
	findings := role_trust_any_principal.deny with input as role(json.marshal(t))
	findings == {"IAM role \"partner-access\" can be assumed by any AWS identity: its trust policy statement \"Anyone\" (Principal \"*\") has no condition narrowing the caller. Name the trusted principals, or add an aws:PrincipalOrgID, aws:PrincipalArn or sts:ExternalId condition."}
}

test_flags_star_principal_and_any_account_root if {
	every principal in ["*", {"AWS": ["arn:aws:iam::*:root"]}] {
		count(role_trust_any_principal.deny) == 1 with input as role(trust({"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}))
	}
}

test_flags_condition_that_does_not_narrow if {
	t := trust({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})
	count(role_trust_any_principal.deny) == 1 with input as role(t)
}

test_flags_wildcard_principal_arn_condition if {
	t := trust({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {"ArnLike": {"aws:PrincipalArn": "*"}}})
	count(role_trust_any_principal.deny) == 1 with input as role(t)
}

test_passes_org_restricted_wildcard if {
	every condition in [
		{"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
		{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ci-*"}},
		{"StringEquals": {"sts:ExternalId": "f3a9"}},
		{"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}},
	] {
		t := trust({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": condition})
		count(role_trust_any_principal.deny) == 0 with input as role(t)
	}
}

test_passes_service_and_account_principals if {
	t := {"Version": "2012-10-17", "Statement": [
		{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"},
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"},
	]}
	count(role_trust_any_principal.deny) == 0 with input as role(t)
}

test_passes_deny_statement if {
	t := trust({"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"})
	count(role_trust_any_principal.deny) == 0 with input as role(t)
}

test_unknown_trust_policy_is_not_judged if {
	count(role_trust_any_principal.deny) == 0 with input as role(unknown)
}

test_unknown_principal_is_not_judged if {
	count(role_trust_any_principal.deny) == 0 with input as role(trust({"Effect": "Allow", "Principal": {"AWS": unknown}, "Action": "sts:AssumeRole"}))
}

test_flags_wildcard_pattern_and_variable_conditions if {
	every condition in [
		{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/*"}},
		{"StringLike": {"aws:PrincipalAccount": "1234*"}},
		{"StringEquals": {"aws:PrincipalArn": "${aws:PrincipalArn}"}},
	] {
		t := trust({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": condition})
		count(role_trust_any_principal.deny) == 1 with input as role(t)
	}
}
