package aws.efs.file_system_cmk

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: EFS file systems use a customer-managed KMS key
# description: |
#   An encrypted EFS file system without kmsKeyId is encrypted under the AWS-managed key
#   alias/aws/elasticfilesystem, whose key policy cannot be changed: access to the data (and to
#   snapshots or backups of it) cannot be limited, shared or revoked through the key.
#   Where the profile asks for it (requireCustomerManagedKey, on unless turned off),
#   kmsKeyId must name a customer-managed key. An unencrypted EFS file system is reported
#   by aws-efs-file-system-encrypted.
# scope: document
# custom:
#   id: aws-efs-file-system-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set kmsKeyId to a customer-managed key, e.g. aws.efs.FileSystem("shared", encrypted=True, kms_key_id=key.arn).
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts the AWS-managed key alias/aws/elasticfilesystem.
deny contains msg if {
	input.type in resource_types
	input.properties.encrypted == true
	kms.required("aws-efs-file-system-cmk")
	kms.without_customer_key(input.properties, "kmsKeyId")
	msg := sprintf(
		"EFS file system %q is encrypted with the AWS-managed key alias/aws/elasticfilesystem: set kmsKeyId to a customer-managed KMS key.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:efs/fileSystem:FileSystem"})
