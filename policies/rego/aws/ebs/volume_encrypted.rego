package aws.ebs.volume_encrypted

import data.lib.pulumi

# METADATA
# title: EBS volumes are encrypted
# description: |
#   An EBS volume without encrypted keeps its data, and the snapshots taken from it,
#   unencrypted at rest (unless the account turns on EBS encryption by default, which
#   the program does not show); an existing volume cannot be encrypted in place.
# scope: document
# custom:
#   id: aws-ebs-volume-encrypted
#   severity: high
#   concern: encryption
#   remediation: Set encrypted to true and kmsKeyId to a customer-managed KMS key.
#   compliance:
#     fsbp: ["EC2.3"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "encrypted")
	msg := sprintf(
		"EBS volume %q is not encrypted: set encrypted to true (with kmsKeyId for a customer-managed key).",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:ebs/volume:Volume"})
