package aws.iam.user_direct_policy_test

import data.aws.iam.user_direct_policy

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

policy := "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"}]}"

test_flags_inline_user_policy if {
	findings := user_direct_policy.deny with input as {
		"type": "aws:iam/userPolicy:UserPolicy",
		"urn": "urn:pulumi:prod::api::aws:iam/userPolicy:UserPolicy::alice-reports",
		"name": "alice-reports",
		"properties": {"user": "alice", "policy": policy},
	}
	findings == {"IAM user policy \"alice-reports\" is an inline policy on a user: put its statements in a GroupPolicy on a group the user belongs to."}
}

test_flags_user_policy_attachment if {
	findings := user_direct_policy.deny with input as {
		"type": "aws:iam/userPolicyAttachment:UserPolicyAttachment",
		"name": "alice-ro",
		"properties": {"user": unknown, "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"},
	}
	count(findings) == 1
}

test_flags_policy_attachment_with_users if {
	findings := user_direct_policy.deny with input as {
		"type": "aws:iam/policyAttachment:PolicyAttachment",
		"name": "reports",
		"properties": {"policyArn": "arn:aws:iam::111122223333:policy/reports", "users": ["alice", unknown], "groups": ["analysts"]},
	}
	findings == {"Policy attachment \"reports\" attaches a policy directly to 2 user(s): remove users and list their groups in groups instead."}
}

test_passes_policy_attachment_to_groups_and_roles if {
	count(user_direct_policy.deny) == 0 with input as {
		"type": "aws:iam/policyAttachment:PolicyAttachment",
		"name": "reports",
		"properties": {"policyArn": "arn:aws:iam::111122223333:policy/reports", "users": [], "groups": ["analysts"], "roles": ["etl"]},
	}
}

test_passes_group_policy if {
	count(user_direct_policy.deny) == 0 with input as {"type": "aws:iam/groupPolicy:GroupPolicy", "name": "analysts", "properties": {"group": "analysts", "policy": policy}}
	count(user_direct_policy.deny) == 0 with input as {"type": "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "name": "analysts", "properties": {"group": "analysts", "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}
}

test_unknown_users_is_not_judged if {
	count(user_direct_policy.deny) == 0 with input as {"type": "aws:iam/policyAttachment:PolicyAttachment", "name": "p", "properties": {"policyArn": "arn:aws:iam::111122223333:policy/p", "users": unknown}}
}
