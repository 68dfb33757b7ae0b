package aws.kinesis.stream_encryption

import data.lib.pulumi

# METADATA
# title: Kinesis data streams encrypt their records
# description: |
#   A stream whose encryptionType is not "KMS" (the default is "NONE") keeps its
#   records unencrypted at rest for the whole retention period.
# scope: document
# custom:
#   id: aws-kinesis-stream-encryption
#   severity: high
#   concern: encryption
#   remediation: Set encryptionType to "KMS" and kmsKeyId to a customer-managed KMS key.
#   compliance:
#     fsbp: ["Kinesis.1"]
#     nist-800-53: ["SC-28"]
deny contains msg if {
	input.type in resource_types
	not pulumi.unknown(input.properties, "encryptionType")
	not input.properties.encryptionType == "KMS"
	msg := sprintf(
		"Kinesis stream %q does not encrypt its records: set encryptionType to \"KMS\" with kmsKeyId for a customer-managed key.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:kinesis/stream:Stream"})
