package aws.iam.policy_scopable_actions_any_resource

import data.lib.iam
import data.lib.iam_actions
import data.lib.iam_policies

# METADATA
# title: IAM policies scope write and sensitive actions to the resources they need
# description: |
#   An Allow statement on Resource "*" must not grant an action that AWS lets you scope to
#   particular resources (its Service Authorization Reference lists resource types for it)
#   when the action writes (access level Write), changes permissions (Permissions
#   management), or reads data or credentials out (the catalog's data-exfiltration and
#   credentials-exposure lists: s3:GetObject, secretsmanager:GetSecretValue,
#   kms:Decrypt…). Such a grant reaches every table, queue, bucket and key of the account,
#   present and future, where the workload needs a few. Messages name the catalog's risk
#   lists each action is on (privilege escalation, credentials exposure, data
#   exfiltration, resource exposure). Wildcard patterns ("s3:Put*") are
#   expanded against the catalog; full-service wildcards are left to
#   aws-iam-policy-wildcard-actions and NotAction/NotResource to aws-iam-policy-not-action.
#   Actions AWS only accepts on "*" (s3:ListAllMyBuckets, xray:PutTraceSegments…) are fine,
#   and so is a statement whose condition narrows the resources (aws:ResourceTag/…,
#   aws:ResourceAccount, aws:ResourceOrgID, kms:ViaService, <service>:ResourceTag/…) with
#   values that are not just wildcards; a policy variable (${aws:PrincipalTag/team}, the
#   attribute-based access control AWS recommends) narrows too.
# scope: document
# custom:
#   id: aws-iam-policy-scopable-actions-any-resource
#   severity: high
#   concern: iam
#   remediation: Set Resource to the ARNs of the tables, queues, buckets, keys or secrets the workload uses (or add an aws:ResourceTag condition) for these actions.
#   compliance:
#     fsbp: ["KMS.1", "KMS.2"]
#     nist-800-53: ["AC-6"]
#     pci-dss: ["7.2.1", "7.2.2"]
deny contains msg if {
	some d in iam_policies.identity_documents(input)
	some a in iam_policies.allow_statements(d.document)
	iam.any_resource(a.statement)
	not resource_condition(a.statement)
	found := {described(action) |
		some pattern in iam.actions(a.statement)
		not iam.full_service_wildcard(pattern)
		some action in named(pattern)
		iam_actions.scopable(action)
		sensitive(action)
	}
	count(found) > 0
	msg := sprintf(
		"%s grants on Resource \"*\" actions that can be scoped to resources in its %s: %s. Set Resource to the ARNs the workload uses.",
		[d.subject, a.label, iam_policies.first_few(found, "; ")],
	)
}

resource_types := iam_policies.identity_document_types

# named(pattern) is the set of catalog actions a pattern stands for.
named(pattern) := {pattern} if iam_actions.entry(pattern)

named(pattern) := iam_actions.expand(pattern) if regex.match(`[*?]`, pattern)

sensitive(action) if iam_actions.level(action) in {"W", "P"}

sensitive(action) if iam_actions.data_exfiltration[action]

sensitive(action) if iam_actions.credentials_exposure[action]

# described(action) is the action with the catalog's risk lists it is on, for messages:
# "secretsmanager:getsecretvalue (data exfiltration)".
described(action) := sprintf("%s (%s)", [action, concat(", ", risks)]) if {
	risks := [name | some [list, name] in risk_lists; list[action]]
	count(risks) > 0
} else := action

risk_lists := [
	[iam_actions.privilege_escalation, "privilege escalation"],
	[iam_actions.credentials_exposure, "credentials exposure"],
	[iam_actions.data_exfiltration, "data exfiltration"],
	[iam_actions.resource_exposure, "resource exposure"],
]

# resource_condition(stmt) holds when a condition narrows the resources: a resource key,
# a narrowing operator, and values none of which is only wildcards.
resource_condition(stmt) if {
	some operator, block in stmt.Condition
	iam_policies.narrowing_operator(operator)
	some key, value in block
	resource_key(lower(key))
	values := iam.as_list(value)
	count(values) > 0
	every v in values {
		not regex.match(`^[*?]*$`, sprintf("%v", [v]))
	}
}

resource_key(key) if key in {"aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths", "kms:viaservice"}

resource_key(key) if regex.match(`^[a-z0-9-]+:resourcetag/.+$`, key)
