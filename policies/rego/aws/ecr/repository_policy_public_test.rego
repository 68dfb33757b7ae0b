package aws.ecr.repository_policy_public_test

import data.aws.ecr.repository_policy_public as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

repository_policy(policy) := {
	"type": "aws:ecr/repositoryPolicy:RepositoryPolicy",
	"urn": "urn:pulumi:prod::api::aws:ecr/repositoryPolicy:RepositoryPolicy::app",
	"name": "app",
	"properties": {"repository": "app", "policy": policy},
}

pull(principal, condition) := {"Version": "2012-10-17", "Statement": [object.union(
	{
		"Sid": "AllowPull",
		"Effect": "Allow",
		"Principal": principal,
		"Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
	},
	condition,
)]}

test_flags_public_pull if {
	count(rule.deny) == 1 with input as repository_policy(json.marshal(pull("*", {})))
}

test_flags_public_aws_principal_object if {
	count(rule.deny) == 1 with input as repository_policy(pull({"AWS": "*"}, {}))
}

test_passes_named_account if {
	count(rule.deny) == 0 with input as repository_policy(pull({"AWS": "arn:aws:iam::111122223333:root"}, {}))
}

test_passes_organization_condition if {
	count(rule.deny) == 0 with input as repository_policy(pull("*", {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}))
}

test_unknown_policy_is_not_reported if {
	count(rule.deny) == 0 with input as repository_policy(unknown)
}
