package aws.iam.policy_wildcard_actions_test

import data.aws.iam.policy_wildcard_actions

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

policy(doc) := {
	"type": "aws:iam/policy:Policy",
	"urn": "urn:pulumi:prod::api::aws:iam/policy:Policy::ci-deployer",
	"name": "ci-deployer",
	"properties": {"description": "CI deploy rights", "policy": doc},
}

admin := {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}

test_flags_full_admin_as_json_text if {
	findings := policy_wildcard_actions.deny with input as policy(json.marshal(admin))
	findings == {"IAM policy \"ci-deployer\" allows \"*\" on every resource in its statement #1: list the specific actions needed instead of a wildcard, and scope Resource to the ARNs it uses."}
}

test_flags_service_wildcards_in_action_list if {
	doc := {"Version": "2012-10-17", "Statement": [{
		"Sid": "Storage", "Effect": "Allow",
		"Action": ["S3:*", "dynamodb:*", "sqs:SendMessage"],
		"Resource": ["arn:aws:s3:::artifacts/*", "*"],
	}]}
	findings := policy_wildcard_actions.deny with input as policy(doc)
	count(findings) == 1
	some msg in findings
	contains(msg, "\"dynamodb:*\", \"s3:*\"")
	contains(msg, "statement \"Storage\"")
}

test_flags_each_statement if {
	doc := {"Statement": [
		{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
		{"Effect": "Allow", "Action": "logs:*", "Resource": "*"},
	]}
	count(policy_wildcard_actions.deny) == 2 with input as policy(doc)
}

test_flags_role_inline_policy if {
	role := {
		"type": "aws:iam/role:Role",
		"name": "app",
		"properties": {
			"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
			"inlinePolicies": [{"name": "everything", "policy": json.marshal(admin)}],
		},
	}
	findings := policy_wildcard_actions.deny with input as role
	count(findings) == 1
	some msg in findings
	startswith(msg, "IAM role \"app\" (inline policy \"everything\") allows")
}

test_flags_role_user_group_policies if {
	every token in ["aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"] {
		count(policy_wildcard_actions.deny) == 1 with input as {"type": token, "name": "p", "properties": {"policy": admin}}
	}
}

test_flags_service_wildcard_on_specific_arn if {
	doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::artifacts"}]}
	findings := policy_wildcard_actions.deny with input as policy(doc)
	findings == {"IAM policy \"ci-deployer\" allows \"s3:*\" on its resources in its statement #1: list the specific actions needed instead of a wildcard, and scope Resource to the ARNs it uses."}
}

test_flags_question_mark_wildcard if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "iam:?*", "Resource": "arn:aws:iam::111122223333:role/app"}]}
	count(policy_wildcard_actions.deny) == 1 with input as policy(doc)
}

test_passes_scoped_policy if {
	doc := {"Version": "2012-10-17", "Statement": [
		{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::artifacts/*"},
		{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"},
	]}
	count(policy_wildcard_actions.deny) == 0 with input as policy(doc)
}

test_passes_deny_statement if {
	doc := {"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}]}
	count(policy_wildcard_actions.deny) == 0 with input as policy(doc)
}

test_unknown_policy_is_not_judged if {
	count(policy_wildcard_actions.deny) == 0 with input as policy(unknown)
}

test_unknown_resource_still_flags_wildcard_action if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": unknown}]}
	count(policy_wildcard_actions.deny) == 1 with input as policy(doc)
}

test_unknown_action_is_not_judged if {
	doc := {"Statement": [{"Effect": "Allow", "Action": unknown, "Resource": "*"}]}
	count(policy_wildcard_actions.deny) == 0 with input as policy(doc)
}

test_ignores_trust_policy if {
	role := {"type": "aws:iam/role:Role", "name": "r", "properties": {"assumeRolePolicy": admin}}
	count(policy_wildcard_actions.deny) == 0 with input as role
}
