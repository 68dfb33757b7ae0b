package aws.iam.policy_wildcard_actions

import data.lib.iam
import data.lib.iam_policies

# METADATA
# title: IAM policies do not grant every action of a service on every resource
# description: |
#   An identity policy (aws.iam.Policy, RolePolicy, UserPolicy, GroupPolicy or an inline
#   policy of aws.iam.Role) must not Allow the action "*" (full administrator) or
#   "<service>:*" on Resource "*": the holder gets every current and future action of the
#   service, including its administrative and destructive ones, on every resource of the
#   account. Partial wildcards such as "s3:Get*" are not flagged here.
# scope: document
# custom:
#   id: aws-iam-policy-wildcard-actions
#   severity: critical
#   concern: iam
#   remediation: List the specific actions the workload calls (for example s3:GetObject) and scope Resource to the ARNs it needs.
#   compliance:
#     cis-aws-foundations: ["1.16"]
#     nist-800-53: ["AC-6"]
#     pci-dss: ["7.2.1", "7.2.2"]
deny contains msg if {
	some d in iam_policies.identity_documents(input)
	some a in iam_policies.allow_statements(d.document)
	iam.any_resource(a.statement)
	wildcards := {p | some p in iam.actions(a.statement); iam.full_admin_action(p)}
	count(wildcards) > 0
	msg := sprintf(
		"%s allows %s on every resource in its %s: list the specific actions needed instead of a wildcard, and scope Resource to the ARNs it uses.",
		[d.subject, quoted(wildcards), a.label],
	)
}

quoted(set) := concat(", ", [sprintf("%q", [x]) | some x in sort(set)])
