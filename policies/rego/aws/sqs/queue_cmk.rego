package aws.sqs.queue_cmk

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: SQS queues use a customer-managed KMS key
# description: |
#   A queue encrypted with SQS-managed keys (sqsManagedSseEnabled) or the AWS-managed
#   key alias/aws/sqs cannot have its key policy changed: access to the messages cannot
#   be limited or revoked through the key, and other accounts' producers (SNS topics,
#   EventBridge rules) cannot be allowed to use it. Where the profile asks for it
#   (requireCustomerManagedKey, on unless turned off), kmsMasterKeyId must name a
#   customer-managed key. A queue that sets neither is encrypted with SQS-managed keys
#   (AWS's default for new queues) and is judged as such; one that turns encryption off
#   is reported by aws-sqs-queue-encryption.
# scope: document
# custom:
#   id: aws-sqs-queue-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set kmsMasterKeyId to a customer-managed key, e.g. aws.sqs.Queue("jobs", kms_master_key_id=key.arn) with key = stackguard.components.EncryptionKey(...).
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts SQS-managed and AWS-managed keys.
deny contains msg if {
	input.type in resource_types
	kms.required("aws-sqs-queue-cmk")
	declares_encryption(input.properties)
	kms.without_customer_key(input.properties, "kmsMasterKeyId")
	msg := sprintf(
		"SQS queue %q is encrypted with an SQS-managed or AWS-managed key: set kmsMasterKeyId to a customer-managed KMS key so that access to its messages can be limited through the key policy.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:sqs/queue:Queue"})

declares_encryption(props) if props.sqsManagedSseEnabled == true

# SQS's default for a new queue: SSE-SQS.
declares_encryption(props) if {
	pulumi.absent(props, "sqsManagedSseEnabled")
	pulumi.absent(props, "kmsMasterKeyId")
}

declares_encryption(props) if pulumi.known(props, "kmsMasterKeyId")
