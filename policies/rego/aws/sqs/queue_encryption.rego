package aws.sqs.queue_encryption

import data.lib.pulumi

# METADATA
# title: SQS queues encrypt their messages
# description: |
#   A queue must encrypt messages at rest, with a KMS key (kmsMasterKeyId) or with
#   SQS-managed keys (sqsManagedSseEnabled true). The program must say so: a queue
#   that sets neither relies on the account's and API's defaults, and one with
#   sqsManagedSseEnabled false and no key stores its messages unencrypted.
# scope: document
# custom:
#   id: aws-sqs-queue-encryption
#   severity: high
#   concern: encryption
#   remediation: Set kmsMasterKeyId to a customer-managed KMS key, or at least sqsManagedSseEnabled to true.
#   compliance:
#     fsbp: ["SQS.1"]
#     nist-800-53: ["SC-28"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "kmsMasterKeyId")
	input.properties.sqsManagedSseEnabled == false
	msg := sprintf(
		"SQS queue %q turns server-side encryption off: remove sqsManagedSseEnabled = false and set kmsMasterKeyId to a customer-managed KMS key (or sqsManagedSseEnabled to true).",
		[input.name],
	)
}

deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "kmsMasterKeyId")
	pulumi.absent(input.properties, "sqsManagedSseEnabled")
	msg := sprintf(
		"SQS queue %q does not declare encryption at rest: set kmsMasterKeyId to a customer-managed KMS key, or at least sqsManagedSseEnabled to true.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:sqs/queue:Queue"})
