package aws.iam.managed_admin_policy_test

import data.aws.iam.managed_admin_policy

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

attachment(arn) := {
	"type": "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
	"urn": "urn:pulumi:prod::api::aws:iam/rolePolicyAttachment:RolePolicyAttachment::ci-admin",
	"name": "ci-admin",
	"properties": {"role": "ci-role", "policyArn": arn},
}

test_flags_administrator_access if {
	findings := managed_admin_policy.deny with input as attachment("arn:aws:iam::aws:policy/AdministratorAccess")
	findings == {"Role policy attachment \"ci-admin\" attaches the AWS-managed AdministratorAccess policy, which makes it an administrator: attach a policy granting only the actions it needs instead."}
}

test_flags_power_user_and_iam_full_access_in_other_partitions if {
	every arn in ["arn:aws-us-gov:iam::aws:policy/PowerUserAccess", "arn:aws-cn:iam::aws:policy/IAMFullAccess"] {
		count(managed_admin_policy.deny) == 1 with input as attachment(arn)
	}
}

test_flags_every_attachment_type if {
	every token in [
		"aws:iam/userPolicyAttachment:UserPolicyAttachment",
		"aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
		"aws:iam/policyAttachment:PolicyAttachment",
	] {
		count(managed_admin_policy.deny) == 1 with input as {"type": token, "name": "a", "properties": {"policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}}
	}
}

test_flags_role_managed_policy_arns if {
	role := {"type": "aws:iam/role:Role", "name": "ops", "properties": {
		"assumeRolePolicy": "{}",
		"managedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/IAMFullAccess", unknown],
	}}
	findings := managed_admin_policy.deny with input as role
	findings == {"IAM role \"ops\" attaches the AWS-managed IAMFullAccess policy, which makes it an administrator: attach a policy granting only the actions it needs instead."}
}

test_flags_exclusive_attachments if {
	every token in [
		"aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
		"aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
		"aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
	] {
		count(managed_admin_policy.deny) == 2 with input as {"type": token, "name": "x", "properties": {"policyArns": [
			"arn:aws:iam::aws:policy/AdministratorAccess",
			"arn:aws:iam::aws:policy/PowerUserAccess",
		]}}
	}
}

test_passes_narrow_policies if {
	every arn in [
		"arn:aws:iam::aws:policy/ReadOnlyAccess",
		"arn:aws:iam::aws:policy/AdministratorAccess-Amplify",
		"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
		"arn:aws:iam::111122223333:policy/AdministratorAccess",
	] {
		count(managed_admin_policy.deny) == 0 with input as attachment(arn)
	}
}

test_unknown_arn_is_not_judged if {
	count(managed_admin_policy.deny) == 0 with input as attachment(unknown)
	count(managed_admin_policy.deny) == 0 with input as {"type": "aws:iam/role:Role", "name": "r", "properties": {"managedPolicyArns": unknown}}
}
