package aws.iam.managed_full_access_policy_test

import data.aws.iam.managed_full_access_policy

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

attachment(arn) := {
	"type": "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
	"urn": "urn:pulumi:prod::api::aws:iam/rolePolicyAttachment:RolePolicyAttachment::worker-s3",
	"name": "worker-s3",
	"properties": {"role": "worker-role", "policyArn": arn},
}

test_flags_s3_full_access if {
	findings := managed_full_access_policy.deny with input as attachment("arn:aws:iam::aws:policy/AmazonS3FullAccess")
	findings == {"Role policy attachment \"worker-s3\" attaches the AWS-managed AmazonS3FullAccess policy, which grants the whole service on every resource: attach a customer-managed policy with only the actions and ARNs the workload uses instead."}
}

test_flags_other_full_access_and_read_write_policies if {
	every arn in [
		"arn:aws:iam::aws:policy/AmazonEventBridgeFullAccess",
		"arn:aws:iam::aws:policy/AWSLambda_FullAccess",
		"arn:aws-us-gov:iam::aws:policy/AmazonDynamoDBFullAccess",
		"arn:aws:iam::aws:policy/SecretsManagerReadWrite",
	] {
		count(managed_full_access_policy.deny) == 1 with input as attachment(arn)
	}
}

test_flags_role_managed_policy_arns_and_exclusive_attachments if {
	role := {"type": "aws:iam/role:Role", "name": "ops", "properties": {"managedPolicyArns": [
		"arn:aws:iam::aws:policy/AmazonSQSFullAccess",
		"arn:aws:iam::aws:policy/ReadOnlyAccess",
		unknown,
	]}}
	count(managed_full_access_policy.deny) == 1 with input as role
	exclusive := {"type": "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive", "name": "g", "properties": {"policyArns": ["arn:aws:iam::aws:policy/AmazonSNSFullAccess"]}}
	count(managed_full_access_policy.deny) == 1 with input as exclusive
}

test_passes_narrow_managed_and_customer_policies if {
	every arn in [
		"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
		"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
		"arn:aws:iam::111122223333:policy/AmazonS3FullAccess",
		"arn:aws:iam::aws:policy/IAMFullAccess",
	] {
		count(managed_full_access_policy.deny) == 0 with input as attachment(arn)
	}
}

test_unknown_arn_is_not_reported if {
	count(managed_full_access_policy.deny) == 0 with input as attachment(unknown)
}
