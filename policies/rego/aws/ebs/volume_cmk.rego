package aws.ebs.volume_cmk

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: EBS volumes use a customer-managed KMS key
# description: |
#   An encrypted EBS volume without kmsKeyId is encrypted under the AWS-managed key
#   alias/aws/ebs, whose key policy cannot be changed: access to the data (and to
#   snapshots or backups of it) cannot be limited, shared or revoked through the key.
#   Where the profile asks for it (requireCustomerManagedKey, on unless turned off),
#   kmsKeyId must name a customer-managed key. An unencrypted EBS volume is reported
#   by aws-ebs-volume-encrypted.
# scope: document
# custom:
#   id: aws-ebs-volume-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set kmsKeyId to a customer-managed key, e.g. aws.ebs.Volume("data", availability_zone="eu-west-1a", size=100, encrypted=True, kms_key_id=key.arn).
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts the AWS-managed key alias/aws/ebs.
deny contains msg if {
	input.type in resource_types
	input.properties.encrypted == true
	kms.required("aws-ebs-volume-cmk")
	kms.without_customer_key(input.properties, "kmsKeyId")
	msg := sprintf(
		"EBS volume %q is encrypted with the AWS-managed key alias/aws/ebs: set kmsKeyId to a customer-managed KMS key.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:ebs/volume:Volume"})
