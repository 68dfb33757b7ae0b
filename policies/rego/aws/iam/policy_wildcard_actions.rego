package aws.iam.policy_wildcard_actions

import data.lib.iam
import data.lib.iam_policies

# METADATA
# title: IAM policies do not grant every action of a service
# description: |
#   An identity policy (aws.iam.Policy, RolePolicy, UserPolicy, GroupPolicy or an inline
#   policy of aws.iam.Role) must not Allow the action "*" (full administrator) or a
#   full-service wildcard ("<service>:*", "<service>:?*"): the holder gets every current
#   and future action of the service, including its administrative and destructive ones.
#   That holds whatever Resource says: "s3:*" on one bucket still lets the holder delete
#   it, rewrite its policy and make it public. Partial wildcards such as "s3:Get*" are not
#   flagged here (aws-iam-policy-unknown-actions checks that they match real actions).
# scope: document
# custom:
#   id: aws-iam-policy-wildcard-actions
#   severity: critical
#   concern: iam
#   remediation: List the specific actions the workload calls (for example s3:GetObject) and scope Resource to the ARNs it needs.
#   compliance:
#     fsbp: ["IAM.1", "IAM.21"]
#     cis-aws-foundations: ["1.16"]
#     nist-800-53: ["AC-6"]
#     pci-dss: ["7.2.1", "7.2.2"]
deny contains msg if {
	some d in iam_policies.identity_documents(input)
	some a in iam_policies.allow_statements(d.document)
	wildcards := {p | some p in iam.actions(a.statement); iam.full_service_wildcard(p)}
	count(wildcards) > 0
	msg := sprintf(
		"%s allows %s on %s in its %s: list the specific actions needed instead of a wildcard, and scope Resource to the ARNs it uses.",
		[d.subject, quoted(wildcards), scope(a.statement), a.label],
	)
}

resource_types := iam_policies.identity_document_types

scope(stmt) := "every resource" if iam_policies.broad_resource(stmt)

scope(stmt) := "its resources" if not iam_policies.broad_resource(stmt)

quoted(set) := concat(", ", [sprintf("%q", [x]) | some x in sort(set)])
