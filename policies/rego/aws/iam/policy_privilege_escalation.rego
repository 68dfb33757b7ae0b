package aws.iam.policy_privilege_escalation

import data.lib.iam_actions
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
#   The two action lists live in the IAM action catalog (data.lib.iam_catalog, from
#   scripts/iam_catalog.py, which cites their sources).
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
		[d.subject, a.label, iam_policies.first_few(found, ", ")],
	)
}

resource_types := iam_policies.identity_document_types

# escalations(stmt, doc) is the set of escalation actions the statement grants, in AWS's
# spelling: those of the catalog's privilege_escalation list, and those of its
# privilege_escalation_with_pass_role list when the document also passes any role.
escalations(stmt, doc) := {name |
	some action, name in iam_actions.privilege_escalation
	iam_policies.grants(stmt, action)
} | {sprintf("%s with iam:PassRole", [name]) |
	passes_any_role(doc)
	some action, name in iam_actions.privilege_escalation_with_pass_role
	iam_policies.grants(stmt, action)
}

# passes_any_role(doc) holds when some Allow statement of the document grants iam:PassRole on
# every role (Resource "*", or a pattern such as arn:aws:iam::*:role/*).
passes_any_role(doc) if {
	some a in iam_policies.allow_statements(doc)
	iam_policies.any_role(a.statement)
	iam_policies.grants(a.statement, "iam:passrole")
}
