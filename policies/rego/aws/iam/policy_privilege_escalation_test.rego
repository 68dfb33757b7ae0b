package aws.iam.policy_privilege_escalation_test

import data.aws.iam.policy_privilege_escalation

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

user_policy(doc) := {
	"type": "aws:iam/userPolicy:UserPolicy",
	"urn": "urn:pulumi:prod::api::aws:iam/userPolicy:UserPolicy::helpdesk",
	"name": "helpdesk",
	"properties": {"user": "helpdesk-bot", "policy": doc},
}

doc(statements) := {"Version": "2012-10-17", "Statement": statements}

test_flags_exact_escalation_action if {
	d := doc([{"Sid": "Keys", "Effect": "Allow", "Action": ["iam:ListUsers", "iam:CreateAccessKey"], "Resource": "*"}])
	findings := policy_privilege_escalation.deny with input as user_policy(json.marshal(d))
	findings == {"IAM user policy \"helpdesk\" grants privilege-escalation actions on every resource in its statement \"Keys\" (iam:CreateAccessKey): remove them or scope Resource to the specific users, roles, groups and policies to manage."}
}

test_matches_case_insensitively if {
	d := doc({"Effect": "Allow", "Action": "IAM:createpolicyVERSION", "Resource": "*"})
	count(policy_privilege_escalation.deny) == 1 with input as user_policy(d)
}

test_flags_wildcard_pattern if {
	d := doc([{"Effect": "Allow", "Action": "iam:Put*", "Resource": "*"}])
	findings := policy_privilege_escalation.deny with input as user_policy(d)
	count(findings) == 1
	some msg in findings
	contains(msg, "(iam:PutGroupPolicy, iam:PutRolePermissionsBoundary, iam:PutRolePolicy, iam:PutUserPermissionsBoundary, iam:PutUserPolicy)")
}

test_flags_assume_any_role if {
	d := doc([{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}])
	count(policy_privilege_escalation.deny) == 1 with input as user_policy(d)
}

test_flags_not_action if {
	d := doc([{"Effect": "Allow", "NotAction": ["s3:*", "ec2:*"], "Resource": "*"}])
	findings := policy_privilege_escalation.deny with input as user_policy(d)
	count(findings) == 1
	some msg in findings
	contains(msg, " more)")
}

test_flags_lambda_with_pass_role_in_another_statement if {
	d := doc([
		{"Sid": "Lambda", "Effect": "Allow", "Action": ["lambda:UpdateFunctionCode", "lambda:GetFunction"], "Resource": "*"},
		{"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"},
	])
	findings := policy_privilege_escalation.deny with input as user_policy(d)
	count(findings) == 1
	some msg in findings
	contains(msg, "statement \"Lambda\" (lambda:UpdateFunctionCode with iam:PassRole)")
}

test_passes_lambda_without_pass_role_on_any_resource if {
	d := doc([
		{"Effect": "Allow", "Action": ["lambda:UpdateFunctionCode", "ec2:RunInstances"], "Resource": "*"},
		{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app"},
	])
	count(policy_privilege_escalation.deny) == 0 with input as user_policy(d)
}

test_flags_role_inline_policy if {
	role := {"type": "aws:iam/role:Role", "name": "ops", "properties": {"inlinePolicies": [{"name": "iam", "policy": doc([{"Effect": "Allow", "Action": "iam:Attach*", "Resource": "*"}])}]}}
	count(policy_privilege_escalation.deny) == 1 with input as role
}

test_passes_scoped_escalation_action if {
	d := doc([{"Effect": "Allow", "Action": ["iam:CreateAccessKey", "iam:UpdateLoginProfile"], "Resource": "arn:aws:iam::111122223333:user/${aws:username}"}])
	count(policy_privilege_escalation.deny) == 0 with input as user_policy(d)
}

test_passes_read_only_iam if {
	d := doc([{"Effect": "Allow", "Action": ["iam:Get*", "iam:List*", "sts:GetCallerIdentity"], "Resource": "*"}])
	count(policy_privilege_escalation.deny) == 0 with input as user_policy(d)
}

test_passes_deny if {
	d := doc([{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}])
	count(policy_privilege_escalation.deny) == 0 with input as user_policy(d)
}

test_unknown_policy_is_not_judged if {
	count(policy_privilege_escalation.deny) == 0 with input as user_policy(unknown)
}

test_flags_lambda_with_pass_role_on_every_role_pattern if {
	d := doc([
		{"Sid": "Lambda", "Effect": "Allow", "Action": "lambda:CreateFunction", "Resource": "*"},
		{"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*"},
	])
	findings := policy_privilege_escalation.deny with input as user_policy(d)
	some msg in findings
	contains(msg, "lambda:CreateFunction with iam:PassRole")
}
