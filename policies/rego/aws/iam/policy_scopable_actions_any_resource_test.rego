package aws.iam.policy_scopable_actions_any_resource_test

import data.aws.iam.policy_scopable_actions_any_resource as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

policy(statements) := {
	"type": "aws:iam/policy:Policy",
	"urn": "urn:pulumi:prod::api::aws:iam/policy:Policy::orders-writer",
	"name": "orders-writer",
	"properties": {"policy": json.marshal({"Version": "2012-10-17", "Statement": statements})},
}

test_flags_write_action_on_any_resource if {
	findings := rule.deny with input as policy([{"Sid": "Orders", "Effect": "Allow", "Action": ["dynamodb:PutItem", "dynamodb:GetItem"], "Resource": "*"}])
	findings == {"IAM policy \"orders-writer\" grants on Resource \"*\" actions that can be scoped to resources in its statement \"Orders\": dynamodb:putitem. Set Resource to the ARNs the workload uses."}
}

test_flags_permissions_management_and_sensitive_reads if {
	every action in ["s3:PutBucketPolicy", "secretsmanager:GetSecretValue", "s3:GetObject", "redshift:GetClusterCredentials"] {
		count(rule.deny) == 1 with input as policy([{"Effect": "Allow", "Action": action, "Resource": "*"}])
	}
}

test_expands_patterns_against_the_catalog if {
	findings := rule.deny with input as policy([{"Effect": "Allow", "Action": "sqs:Send*", "Resource": ["*"]}])
	findings == {"IAM policy \"orders-writer\" grants on Resource \"*\" actions that can be scoped to resources in its statement #1: sqs:sendmessage. Set Resource to the ARNs the workload uses."}
}

test_passes_scoped_resources_and_unscopable_actions if {
	count(rule.deny) == 0 with input as policy([
		{"Effect": "Allow", "Action": ["dynamodb:PutItem", "s3:GetObject"], "Resource": ["arn:aws:dynamodb:eu-west-1:111122223333:table/orders", "arn:aws:s3:::reports/*"]},
		{"Effect": "Allow", "Action": ["xray:PutTraceSegments", "sts:GetCallerIdentity", "ecr:GetAuthorizationToken", "s3:ListAllMyBuckets", "dynamodb:DescribeTable", "ec2:DescribeInstances"], "Resource": "*"},
		{"Effect": "Deny", "Action": "dynamodb:DeleteTable", "Resource": "*"},
	])
}

test_passes_resource_condition_but_not_a_wildcard_one if {
	tagged := {"Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "payments"}}}
	count(rule.deny) == 0 with input as policy([tagged])
	via := {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com"}}}
	count(rule.deny) == 0 with input as policy([via])
	abac := {"Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*", "Condition": {"StringEquals": {"ec2:ResourceTag/Owner": "${aws:username}"}}}
	count(rule.deny) == 0 with input as policy([abac])
	any_tag := json.patch(tagged, [{"op": "replace", "path": "/Condition", "value": {"StringLike": {"aws:ResourceTag/team": "*"}}}])
	count(rule.deny) == 1 with input as policy([any_tag])
}

test_leaves_full_service_wildcards_to_their_rule if {
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": ["s3:*", "*"], "Resource": "*"}])
}

test_unknown_values_are_not_judged if {
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": unknown}])
	count(rule.deny) == 0 with input as policy([{"Effect": "Allow", "Action": unknown, "Resource": "*"}])
}

test_names_the_risk_lists_of_each_action if {
	findings := rule.deny with input as policy([{"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "iam:CreateAccessKey", "s3:PutBucketPolicy"], "Resource": "*"}])
	some msg in findings
	contains(msg, "iam:createaccesskey (privilege escalation, credentials exposure); s3:putbucketpolicy (resource exposure); secretsmanager:getsecretvalue (data exfiltration)")
}
