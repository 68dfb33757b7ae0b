package aws.iam.policy_pass_role_wildcard_test

import data.aws.iam.policy_pass_role_wildcard

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

policy(doc) := {
	"type": "aws:iam/policy:Policy",
	"urn": "urn:pulumi:prod::api::aws:iam/policy:Policy::deployer",
	"name": "deployer",
	"properties": {"policy": doc},
}

statement(extra) := {"Version": "2012-10-17", "Statement": [object.union({"Sid": "Deploy", "Effect": "Allow"}, extra)]}

test_flags_pass_role_on_any_resource if {
	doc := statement({"Action": ["lambda:CreateFunction", "iam:PassRole"], "Resource": "*"})
	findings := policy_pass_role_wildcard.deny with input as policy(json.marshal(doc))
	findings == {"IAM policy \"deployer\" lets its holder pass any role to an AWS service (iam:PassRole through \"iam:passrole\" on every resource, statement \"Deploy\"): set Resource to the ARNs of the roles to pass and add an iam:PassedToService condition."}
}

test_flags_wildcards_covering_pass_role if {
	every action in ["iam:Pass*", "IAM:*", "*", "iam:P?ssRole"] {
		count(policy_pass_role_wildcard.deny) == 1 with input as policy(statement({"Action": action, "Resource": "*"}))
	}
}

test_flags_not_action_that_does_not_exclude_pass_role if {
	findings := policy_pass_role_wildcard.deny with input as policy(statement({"NotAction": "s3:*", "Resource": "*"}))
	count(findings) == 1
	some msg in findings
	contains(msg, "through NotAction")
}

test_flags_not_resource if {
	doc := statement({"Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/admin"})
	count(policy_pass_role_wildcard.deny) == 1 with input as policy(doc)
}

test_passes_scoped_pass_role if {
	doc := statement({
		"Action": "iam:PassRole",
		"Resource": "arn:aws:iam::111122223333:role/app-lambda",
		"Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}},
	})
	count(policy_pass_role_wildcard.deny) == 0 with input as policy(doc)
}

test_passes_other_actions_on_any_resource if {
	doc := statement({"Action": ["iam:Get*", "iam:List*", "s3:*"], "Resource": "*"})
	count(policy_pass_role_wildcard.deny) == 0 with input as policy(doc)
}

test_passes_not_action_excluding_iam if {
	count(policy_pass_role_wildcard.deny) == 0 with input as policy(statement({"NotAction": ["iam:*"], "Resource": "*"}))
}

test_unknown_policy_is_not_judged if {
	count(policy_pass_role_wildcard.deny) == 0 with input as policy(unknown)
}

test_unknown_resource_is_not_judged if {
	count(policy_pass_role_wildcard.deny) == 0 with input as policy(statement({"Action": "iam:PassRole", "Resource": unknown}))
}

test_flags_pass_role_on_any_role_pattern if {
	every resource in ["arn:aws:iam::*:role/*", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:*", "arn:aws:iam::*:role/app"] {
		doc := statement({"Action": "iam:PassRole", "Resource": ["arn:aws:iam::111122223333:role/app", resource]})
		findings := policy_pass_role_wildcard.deny with input as policy(doc)
		count(findings) == 1
		some msg in findings
		contains(msg, sprintf("on %q", [resource]))
	}
}

test_passes_pass_role_on_prefix_pattern if {
	doc := statement({"Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app-*"})
	count(policy_pass_role_wildcard.deny) == 0 with input as policy(doc)
}
