package aws.sns.topic_encryption

import data.lib.pulumi

# METADATA
# title: SNS topics encrypt their messages
# description: |
#   A topic without kmsMasterKeyId stores the messages it has not yet delivered
#   unencrypted at rest; SNS has no default encryption.
# scope: document
# custom:
#   id: aws-sns-topic-encryption
#   severity: high
#   concern: encryption
#   remediation: Set kmsMasterKeyId to a customer-managed KMS key whose policy lets SNS and the publishers use it.
#   compliance:
#     fsbp: ["SNS.1"]
#     nist-800-53: ["SC-28"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "kmsMasterKeyId")
	msg := sprintf(
		"SNS topic %q is not encrypted at rest: set kmsMasterKeyId to a customer-managed KMS key.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:sns/topic:Topic"})
