package aws.efs.file_system_encrypted

import data.lib.pulumi

# METADATA
# title: EFS file systems are encrypted
# description: |
#   An EFS file system without encrypted keeps its files unencrypted at rest, and
#   encryption cannot be turned on for an existing file system.
# scope: document
# custom:
#   id: aws-efs-file-system-encrypted
#   severity: high
#   concern: encryption
#   remediation: Set encrypted to true and kmsKeyId to a customer-managed KMS key.
#   compliance:
#     fsbp: ["EFS.1"]
#     cis-aws-foundations: ["2.4.1"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "encrypted")
	msg := sprintf(
		"EFS file system %q is not encrypted: set encrypted to true (with kmsKeyId for a customer-managed key).",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:efs/fileSystem:FileSystem"})
