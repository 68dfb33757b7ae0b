package aws.iam.policy_not_action_test

import data.aws.iam.policy_not_action

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

role_policy(doc) := {
	"type": "aws:iam/rolePolicy:RolePolicy",
	"urn": "urn:pulumi:prod::api::aws:iam/rolePolicy:RolePolicy::ops",
	"name": "ops",
	"properties": {"role": "ops-role", "policy": doc},
}

test_flags_not_action if {
	doc := {"Version": "2012-10-17", "Statement": [{"Sid": "AllButIam", "Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}]}
	findings := policy_not_action.deny with input as role_policy(json.marshal(doc))
	findings == {"IAM role policy \"ops\" uses NotAction in the Allow statement \"AllButIam\", which grants everything NotAction does not list, now and in future: list the granted actions with Action instead, or move the exclusion into a Deny statement."}
}

test_flags_not_resource if {
	doc := {"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secrets/*"}}
	findings := policy_not_action.deny with input as role_policy(doc)
	count(findings) == 1
	some msg in findings
	contains(msg, "uses NotResource in the Allow statement #1")
}

test_flags_both_separately if {
	doc := {"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::secrets/*"}]}
	count(policy_not_action.deny) == 2 with input as role_policy(doc)
}

test_flags_not_action_even_when_its_value_is_unknown if {
	doc := {"Statement": [{"Effect": "Allow", "NotAction": unknown, "Resource": "*"}]}
	count(policy_not_action.deny) == 1 with input as role_policy(doc)
}

test_flags_role_inline_policy if {
	role := {"type": "aws:iam/role:Role", "name": "r", "properties": {"inlinePolicies": [{"name": "x", "policy": {"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}}]}}
	count(policy_not_action.deny) == 1 with input as role
}

test_passes_deny_with_not_action if {
	doc := {"Statement": [
		{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::data/*"},
		{"Effect": "Deny", "NotAction": ["iam:ChangePassword", "sts:GetSessionToken"], "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
	]}
	count(policy_not_action.deny) == 0 with input as role_policy(doc)
}

test_unknown_policy_is_not_judged if {
	count(policy_not_action.deny) == 0 with input as role_policy(unknown)
}
