package aws.iam.policy_pass_role_wildcard

import data.lib.iam
import data.lib.iam_policies

# METADATA
# title: IAM policies do not allow passing any role
# description: |
#   iam:PassRole on Resource "*" (or on a pattern that matches every role, such as
#   arn:aws:iam::*:role/* or arn:aws:iam::111122223333:role/*, or the roles of any account)
#   lets the holder hand any role of the account, up to an
#   administrator role, to a service it can configure (Lambda, EC2, ECS, Glue, CloudFormation…)
#   and act with that role's rights: a privilege escalation path. The grant is found
#   whatever the statement calls it: iam:PassRole, a wildcard that covers it ("iam:Pass*",
#   "iam:*", "*"), or a NotAction that does not exclude it; NotResource counts as every
#   resource. A prefix pattern (role/app-*) is a naming convention that scopes the grant and
#   is not flagged. A statement that also grants "*" or "iam:*" is reported by
#   aws-iam-policy-wildcard-actions too: the two rules are separate concerns, each message
#   names its own.
# scope: document
# custom:
#   id: aws-iam-policy-pass-role-wildcard
#   severity: high
#   concern: iam
#   remediation: Scope iam:PassRole to the ARNs of the roles the workload must pass, and add an iam:PassedToService condition.
#   compliance:
#     fsbp: ["IAM.21"]
#     nist-800-53: ["AC-6"]
#     pci-dss: ["7.2.1", "7.2.2"]
deny contains msg if {
	some d in iam_policies.identity_documents(input)
	some a in iam_policies.allow_statements(d.document)
	iam_policies.any_role(a.statement)
	iam_policies.grants(a.statement, "iam:passrole")
	msg := sprintf(
		"%s lets its holder pass any role to an AWS service (iam:PassRole through %s on %s, %s): set Resource to the ARNs of the roles to pass and add an iam:PassedToService condition.",
		[d.subject, iam_policies.granted_by(a.statement, "iam:passrole"), target(a.statement), a.label],
	)
}

resource_types := iam_policies.identity_document_types

target(stmt) := "every resource" if iam_policies.broad_resource(stmt)

target(stmt) := concat(", ", sort([sprintf("%q", [r]) | some r in iam.resources(stmt); iam_policies.any_role_pattern(r)])) if {
	not iam_policies.broad_resource(stmt)
}
