package aws.iam.managed_full_access_policy

import data.lib.iam_policies

# METADATA
# title: Broad AWS-managed service policies are not attached
# description: |
#   The AWS-managed "…FullAccess" policies (AmazonS3FullAccess, AmazonEventBridgeFullAccess,
#   AWSLambda_FullAccess, AmazonDynamoDBFullAccess…) grant every action of a service on
#   every resource of the account, and SecretsManagerReadWrite reads and changes every
#   secret. AWS documents them as a starting point, not least privilege: a workload that
#   needs one bucket or one bus gets them all. Checked on the same resources as
#   aws-iam-managed-admin-policy, which reports the administrator policies (IAMFullAccess
#   among them) instead.
# scope: document
# custom:
#   id: aws-iam-managed-full-access-policy
#   severity: high
#   concern: iam
#   remediation: Replace the AWS-managed policy by a customer-managed policy listing the actions the workload calls on the ARNs it uses (IAM Access Analyzer can generate one from CloudTrail activity).
#   compliance:
#     nist-800-53: ["AC-6"]
#     pci-dss: ["7.2.1", "7.2.2"]
deny contains msg if {
	some attached in iam_policies.attached_policies(input)
	policy := iam_policies.aws_managed_policy_name(attached.arn)
	broad(policy)
	msg := sprintf(
		"%s attaches the AWS-managed %s policy, which grants the whole service on every resource: attach a customer-managed policy with only the actions and ARNs the workload uses instead.",
		[attached.subject, policy],
	)
}

resource_types := iam_policies.attachment_types

# broad(policy) holds for the AWS-managed full-access and read-write policies, except those
# aws-iam-managed-admin-policy reports.
broad(policy) if {
	endswith(policy, "FullAccess")
	not policy in administrator_policies
}

broad("SecretsManagerReadWrite")

administrator_policies := {"IAMFullAccess"}
