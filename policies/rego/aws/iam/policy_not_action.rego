package aws.iam.policy_not_action

import data.lib.iam_policies

# METADATA
# title: IAM policies do not Allow with NotAction or NotResource
# description: |
#   An Allow statement with NotAction grants every action except the listed ones,
#   including every action AWS adds later; with NotResource it applies to every
#   resource except the listed ones, including resources created later. Both grant
#   far more than they appear to, and cannot be reviewed as least privilege.
#   NotAction and NotResource in Deny statements are fine and not flagged.
# scope: document
# custom:
#   id: aws-iam-policy-not-action
#   severity: high
#   concern: iam
#   remediation: Rewrite the Allow statement with Action and Resource listing what is granted; keep NotAction/NotResource only in Deny statements.
#   compliance:
#     nist-800-53: ["AC-6"]
#     pci-dss: ["7.2.1", "7.2.2"]
deny contains msg if {
	some d in iam_policies.identity_documents(input)
	some a in iam_policies.allow_statements(d.document)
	some element in ["NotAction", "NotResource"]
	iam_policies.present(a.statement, element)
	msg := sprintf(
		"%s uses %s in the Allow %s, which grants everything %s does not list, now and in future: list the granted %s with %s instead, or move the exclusion into a Deny statement.",
		[d.subject, element, a.label, element, noun[element], positive[element]],
	)
}

resource_types := iam_policies.identity_document_types

noun := {"NotAction": "actions", "NotResource": "resources"}

positive := {"NotAction": "Action", "NotResource": "Resource"}
