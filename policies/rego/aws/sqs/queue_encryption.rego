package aws.sqs.queue_encryption

import data.lib.pulumi

# METADATA
# title: SQS queues encrypt their messages
# description: |
#   A queue must encrypt messages at rest, with a KMS key (kmsMasterKeyId) or with
#   SQS-managed keys (SSE-SQS). SQS encrypts every new queue with SSE-SQS unless told
#   otherwise, so a queue that sets neither is encrypted; one with
#   sqsManagedSseEnabled false and no key stores its messages unencrypted. Whether
#   SQS-managed keys are enough is aws-sqs-queue-cmk's question (a profile setting).
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

resource_types := pulumi.with_aliases({"aws:sqs/queue:Queue"})
