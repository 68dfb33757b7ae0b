package aws.iam.user_direct_policy

import data.lib.pulumi

# METADATA
# title: IAM users get their permissions through groups
# description: |
#   Policies attached directly to IAM users (an inline UserPolicy, a
#   UserPolicyAttachment, or a PolicyAttachment listing users) scatter permissions over
#   individual identities, where they are hard to review and easy to forget when people
#   change roles. Users should receive permissions only through group membership (or,
#   better, assume roles). The *Exclusive resources only reconcile attachments made
#   elsewhere and are not flagged.
# scope: document
# custom:
#   id: aws-iam-user-direct-policy
#   severity: low
#   concern: iam
#   remediation: Attach the policy to an IAM group (GroupPolicy or GroupPolicyAttachment) and add the user to that group.
#   compliance:
#     fsbp: ["IAM.2"]
#     cis-aws-foundations: ["1.15"]
#     nist-800-53: ["AC-2", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	pulumi.is_type(input, user_policy_type)
	msg := sprintf(
		"IAM user policy %q is an inline policy on a user: put its statements in a GroupPolicy on a group the user belongs to.",
		[input.name],
	)
}

deny contains msg if {
	pulumi.is_type(input, user_policy_attachment_type)
	msg := sprintf(
		"User policy attachment %q attaches a policy directly to a user: attach it to a group with GroupPolicyAttachment and add the user to the group.",
		[input.name],
	)
}

deny contains msg if {
	pulumi.is_type(input, policy_attachment_type)
	users := input.properties.users
	is_array(users)
	count(users) > 0
	msg := sprintf(
		"Policy attachment %q attaches a policy directly to %d user(s): remove users and list their groups in groups instead.",
		[input.name, count(users)],
	)
}

resource_types := pulumi.with_aliases({policy_attachment_type, user_policy_type, user_policy_attachment_type})

policy_attachment_type := "aws:iam/policyAttachment:PolicyAttachment"

user_policy_type := "aws:iam/userPolicy:UserPolicy"

user_policy_attachment_type := "aws:iam/userPolicyAttachment:UserPolicyAttachment"
