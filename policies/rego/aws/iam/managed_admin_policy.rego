package aws.iam.managed_admin_policy

import data.lib.iam_policies

# METADATA
# title: AWS-managed administrator policies are not attached
# description: |
#   The AWS-managed policies AdministratorAccess ("*" on "*"), PowerUserAccess (everything
#   but IAM and Organizations) and IAMFullAccess (every IAM action, so anything by
#   escalation) make the user, group or role an administrator. Checked in any partition
#   (arn:aws, arn:aws-cn, arn:aws-us-gov…) on RolePolicyAttachment, UserPolicyAttachment,
#   GroupPolicyAttachment and PolicyAttachment (policyArn), Role (managedPolicyArns) and
#   the Role/User/GroupPolicyAttachmentsExclusive resources (policyArns), which declare
#   the managed policies an identity keeps.
# scope: document
# custom:
#   id: aws-iam-managed-admin-policy
#   severity: critical
#   concern: iam
#   remediation: Attach a customer-managed policy granting only the actions the identity needs (or a narrower AWS-managed job-function policy) instead of AdministratorAccess, PowerUserAccess or IAMFullAccess.
#   compliance:
#     cis-aws-foundations: ["1.16"]
#     nist-800-53: ["AC-6"]
#     pci-dss: ["7.2.1", "7.2.2"]
deny contains msg if {
	some attached in iam_policies.attached_policies(input)
	policy := iam_policies.aws_managed_policy_name(attached.arn)
	policy in admin_policies
	msg := sprintf(
		"%s attaches the AWS-managed %s policy, which makes it an administrator: attach a policy granting only the actions it needs instead.",
		[attached.subject, policy],
	)
}

resource_types := iam_policies.attachment_types

admin_policies := {"AdministratorAccess", "PowerUserAccess", "IAMFullAccess"}
