package aws.iam.managed_admin_policy

import data.lib.iam
import data.lib.pulumi

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
	some token, key in arn_properties
	pulumi.is_type(input, token)
	some arn in iam.as_list(input.properties[key])
	policy := admin_policy(arn)
	msg := sprintf(
		"%s %q attaches the AWS-managed %s policy, which makes it an administrator: attach a policy granting only the actions it needs instead.",
		[kinds[token], input.name, policy],
	)
}

# The property that holds the attached policy ARN(s), per resource type.
arn_properties := {
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment": "policyArn",
	"aws:iam/userPolicyAttachment:UserPolicyAttachment": "policyArn",
	"aws:iam/groupPolicyAttachment:GroupPolicyAttachment": "policyArn",
	"aws:iam/policyAttachment:PolicyAttachment": "policyArn",
	"aws:iam/role:Role": "managedPolicyArns",
	"aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive": "policyArns",
	"aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive": "policyArns",
	"aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive": "policyArns",
}

kinds := {
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment": "Role policy attachment",
	"aws:iam/userPolicyAttachment:UserPolicyAttachment": "User policy attachment",
	"aws:iam/groupPolicyAttachment:GroupPolicyAttachment": "Group policy attachment",
	"aws:iam/policyAttachment:PolicyAttachment": "Policy attachment",
	"aws:iam/role:Role": "IAM role",
	"aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive": "Role policy attachments",
	"aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive": "User policy attachments",
	"aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive": "Group policy attachments",
}

# admin_policy(arn) is the name of the AWS-managed administrator policy the ARN points to.
admin_policy(arn) := name if {
	is_string(arn)
	parts := regex.find_all_string_submatch_n(`^arn:aws(?:-[a-z0-9-]+)?:iam::aws:policy/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$`, arn, 1)
	name := parts[0][1]
}
