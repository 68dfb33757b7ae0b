package aws.iam.policy_wildcard_resources_test

import data.aws.iam.policy_wildcard_resources

# Identity policies as in https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
role_policy(action, resource) := {
	"type": "aws:iam/rolePolicy:RolePolicy",
	"urn": "urn:pulumi:prod::app::aws:iam/rolePolicy:RolePolicy::fn-inline",
	"name": "fn-inline",
	"properties": {"role": "fn", "policy": json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}]})},
}

test_flags_assume_role_into_any_account if {
	msgs := policy_wildcard_resources.deny with input as role_policy("sts:AssumeRole", "arn:aws:iam::*:role/*")
	count(msgs) == 1
	some msg in msgs
	contains(msg, "arn:aws:iam::*:role/*")
}

test_flags_every_object_of_every_bucket if {
	count(policy_wildcard_resources.deny) == 1 with input as role_policy("s3:GetObject", "arn:aws:s3:::*/*")
}

test_flags_every_key if {
	count(policy_wildcard_resources.deny) == 1 with input as role_policy("kms:Decrypt", "arn:aws:kms:*:*:key/*")
	count(policy_wildcard_resources.deny) == 1 with input as role_policy("kms:Decrypt", "arn:aws:kms:eu-west-1:123456789012:key/*")
}

test_flags_only_wildcard_resource_part if {
	count(policy_wildcard_resources.deny) == 1 with input as role_policy("s3:ListBucket", "arn:aws:s3:::*")
}

test_passes_named_resources if {
	count(policy_wildcard_resources.deny) == 0 with input as role_policy("s3:GetObject", "arn:aws:s3:::orders-bucket/*")
	count(policy_wildcard_resources.deny) == 0 with input as role_policy("sts:AssumeRole", "arn:aws:iam::123456789012:role/deployer")
	count(policy_wildcard_resources.deny) == 0 with input as role_policy("kms:Decrypt", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
	count(policy_wildcard_resources.deny) == 0 with input as role_policy("logs:PutLogEvents", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders:*")
}

test_leaves_any_resource_to_the_scopable_rule if {
	count(policy_wildcard_resources.deny) == 0 with input as role_policy("s3:GetObject", "*")
}

# A resource ARN or a whole document that is unknown until deployment is judged at `pulumi up`, not here.
test_unknown_values_are_not_reported if {
	unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
	count(policy_wildcard_resources.deny) == 0 with input as role_policy("kms:Decrypt", unknown)
	count(policy_wildcard_resources.deny) == 0 with input as object.union(
		role_policy("kms:Decrypt", "arn:aws:kms:*:*:key/*"),
		{"properties": {"role": "fn", "policy": unknown}},
	)
}
