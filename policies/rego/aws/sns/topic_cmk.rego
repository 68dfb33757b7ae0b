package aws.sns.topic_cmk

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: SNS topics use a customer-managed KMS key
# description: |
#   A topic encrypted under the AWS-managed key alias/aws/sns cannot deliver to
#   subscribers that must decrypt it across accounts or from services (EventBridge,
#   CloudWatch alarms, S3 notifications) and its key policy cannot be changed: access to
#   the messages cannot be limited or revoked through the key. Where the profile asks for
#   it (requireCustomerManagedKey, on unless turned off), kmsMasterKeyId must name a
#   customer-managed key. A topic without encryption is reported by
#   aws-sns-topic-encryption; an unknown key is not judged.
# scope: document
# custom:
#   id: aws-sns-topic-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set kms_master_key_id=key.arn on aws.sns.Topic, with a key policy that lets the publishing services use it.
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts the AWS-managed key alias/aws/sns.
deny contains msg if {
	input.type in resource_types
	kms.required("aws-sns-topic-cmk")
	kms.aws_managed_alias(input.properties.kmsMasterKeyId)
	msg := sprintf("SNS topic %q is encrypted with the AWS-managed key alias/aws/sns: set kmsMasterKeyId to a customer-managed KMS key.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:sns/topic:Topic"})
