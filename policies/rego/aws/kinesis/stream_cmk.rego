package aws.kinesis.stream_cmk

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: Kinesis data streams use a customer-managed KMS key
# description: |
#   A KMS-encrypted stream without kmsKeyId, or with the AWS-managed key
#   alias/aws/kinesis, cannot have access to its records limited or revoked through a
#   key policy. Where the profile asks for it (requireCustomerManagedKey, on unless
#   turned off), kmsKeyId must name a customer-managed key. A stream that is not
#   encrypted at all is reported by aws-kinesis-stream-encryption.
# scope: document
# custom:
#   id: aws-kinesis-stream-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set kmsKeyId to a customer-managed key, e.g. aws.kinesis.Stream("events", encryption_type="KMS", kms_key_id=key.arn).
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts the AWS-managed key alias/aws/kinesis.
deny contains msg if {
	input.type in resource_types
	input.properties.encryptionType == "KMS"
	kms.required("aws-kinesis-stream-cmk")
	kms.without_customer_key(input.properties, "kmsKeyId")
	msg := sprintf(
		"Kinesis stream %q is encrypted with the AWS-managed key alias/aws/kinesis: set kmsKeyId to a customer-managed KMS key.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:kinesis/stream:Stream"})
