package aws.iam.policy_privilege_escalation

import data.lib.iam_policies

# METADATA
# title: IAM policies do not grant privilege-escalation actions on every resource
# description: |
#   Some IAM actions let their holder give itself more rights: write or attach policies
#   (iam:CreatePolicyVersion, iam:SetDefaultPolicyVersion, iam:Attach*Policy,
#   iam:Put*Policy, permissions boundaries), take over other identities
#   (iam:CreateAccessKey, iam:CreateLoginProfile, iam:UpdateLoginProfile,
#   iam:AddUserToGroup, iam:UpdateAssumeRolePolicy, sts:AssumeRole) or run code as another
#   role (glue:UpdateDevEndpoint; and lambda:CreateFunction, lambda:UpdateFunctionCode,
#   ec2:RunInstances, cloudformation:CreateStack and similar when the same policy also
#   grants iam:PassRole on every resource). On Resource "*" (or NotResource) any of them
#   makes the holder an administrator in all but name. Actions match case-insensitively and
#   through wildcards ("iam:Put*", "iam:*", "*") or a NotAction that does not exclude them.
# scope: document
# custom:
#   id: aws-iam-policy-privilege-escalation
#   severity: critical
#   concern: iam
#   remediation: Remove the escalation actions, or scope Resource to the specific users, roles, groups and policies the workload must manage.
#   compliance:
#     nist-800-53: ["AC-6", "AC-6(10)"]
#     pci-dss: ["7.2.1", "7.2.2"]
deny contains msg if {
	some d in iam_policies.identity_documents(input)
	some a in iam_policies.allow_statements(d.document)
	iam_policies.broad_resource(a.statement)
	found := escalations(a.statement, d.document)
	count(found) > 0
	msg := sprintf(
		"%s grants privilege-escalation actions on every resource in its %s (%s): remove them or scope Resource to the specific users, roles, groups and policies to manage.",
		[d.subject, a.label, summary(found)],
	)
}

# Actions that escalate on their own.
escalation_actions := {
	"iam:CreatePolicyVersion",
	"iam:SetDefaultPolicyVersion",
	"iam:AttachUserPolicy",
	"iam:AttachRolePolicy",
	"iam:AttachGroupPolicy",
	"iam:PutUserPolicy",
	"iam:PutRolePolicy",
	"iam:PutGroupPolicy",
	"iam:PutUserPermissionsBoundary",
	"iam:PutRolePermissionsBoundary",
	"iam:DeleteUserPermissionsBoundary",
	"iam:DeleteRolePermissionsBoundary",
	"iam:CreateAccessKey",
	"iam:CreateLoginProfile",
	"iam:UpdateLoginProfile",
	"iam:UpdateAssumeRolePolicy",
	"iam:AddUserToGroup",
	"sts:AssumeRole",
	"glue:UpdateDevEndpoint",
}

# Actions that escalate when the policy also lets the holder pass any role.
pass_role_actions := {
	"lambda:CreateFunction",
	"lambda:UpdateFunctionCode",
	"lambda:UpdateFunctionConfiguration",
	"ec2:RunInstances",
	"cloudformation:CreateStack",
	"glue:CreateDevEndpoint",
	"glue:CreateJob",
	"datapipeline:CreatePipeline",
	"sagemaker:CreateNotebookInstance",
	"codebuild:CreateProject",
}

escalations(stmt, doc) := {a | some a in escalation_actions; iam_policies.grants(stmt, lower(a))} | {sprintf("%s with iam:PassRole", [a]) |
	passes_any_role(doc)
	some a in pass_role_actions
	iam_policies.grants(stmt, lower(a))
}

# passes_any_role(doc) holds when some Allow statement of the document grants iam:PassRole on every resource.
passes_any_role(doc) if {
	some a in iam_policies.allow_statements(doc)
	iam_policies.broad_resource(a.statement)
	iam_policies.grants(a.statement, "iam:passrole")
}

# summary(found) lists the first few actions found, and how many more there are.
summary(found) := concat(", ", sorted) if {
	sorted := sort(found)
	count(sorted) <= 5
}

summary(found) := sprintf("%s and %d more", [concat(", ", array.slice(sorted, 0, 5)), count(sorted) - 5]) if {
	sorted := sort(found)
	count(sorted) > 5
}
