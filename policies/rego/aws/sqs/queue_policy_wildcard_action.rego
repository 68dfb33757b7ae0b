package aws.sqs.queue_policy_wildcard_action

import data.lib.iam
import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: SQS queue policies do not grant every queue action to other principals
# description: |
#   A queue policy statement that allows sqs:* (or *) to a role, user, service or anyone
#   lets that principal also purge and delete the queue, change its policy and attributes
#   (redrive, encryption) and read every message, when it needed one action such as
#   sqs:SendMessage. Grants to an account root (arn:aws:iam::<account>:root, the owner
#   policy AWS writes by default) delegate to that account's IAM policies and are not
#   reported. Unknown policies are not judged.
# scope: document
# custom:
#   id: aws-sqs-queue-policy-wildcard-action
#   severity: high
#   concern: iam
#   remediation: 'Grant only the actions the principal needs, e.g. "Action": "sqs:SendMessage" for an SNS topic or S3 bucket, "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes" for a consumer.'
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	some token, kind in kinds
	pulumi.is_type(input, token)
	some a in iam_policies.allow_statements(input.properties.policy)
	some action in iam.actions(a.statement)
	action in {"*", "sqs:*"}
	not account_roots_only(a.statement)
	msg := sprintf("%s %q: %s grants %s to %s: grant only the actions it needs (sqs:SendMessage, sqs:ReceiveMessage...).", [kind, input.name, a.label, action, concat(", ", sort(iam.principals(a.statement)))])
}

resource_types := pulumi.with_aliases(object.keys(kinds))

kinds := {
	"aws:sqs/queue:Queue": "SQS queue",
	"aws:sqs/queuePolicy:QueuePolicy": "SQS queue policy",
}

account_roots_only(stmt) if {
	principals := iam.principals(stmt)
	count(principals) > 0
	every p in principals {
		regex.match(`^(arn:[^:]+:iam::\d{12}:root|\d{12})$`, p)
	}
}
