package aws.kms.key_rotation

import data.lib.pulumi

# METADATA
# title: KMS keys rotate their key material yearly
# description: |
#   A symmetric customer-managed KMS key must have automatic rotation on, so that
#   a leaked or over-used key version stops protecting new data within a year.
# scope: document
# custom:
#   id: aws-kms-key-rotation
#   severity: high
#   concern: encryption
#   remediation: Set enableKeyRotation to true (stackguard.components.EncryptionKey does this by default).
#   compliance:
#     fsbp: ["KMS.4"]
#     cis-aws-foundations: ["3.6"]
#     nist-800-53: ["SC-12", "SC-28"]
#     pci-dss: ["3.6.4"]
deny contains msg if {
	input.type in resource_types
	symmetric(input.properties)
	pulumi.is_false(input.properties, "enableKeyRotation")
	msg := sprintf("KMS key %q does not rotate its key material: set enableKeyRotation to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:kms/key:Key"})

# Rotation is only available for symmetric encryption keys.
# symmetric(props) holds for a symmetric encryption key, the only kind AWS rotates: its key
# spec (keySpec, or the deprecated customerMasterKeySpec) is absent or SYMMETRIC_DEFAULT.
# Asymmetric (RSA_…, ECC_…) and HMAC keys cannot rotate automatically.
symmetric(props) if {
	every key in ["keySpec", "customerMasterKeySpec"] {
		object.get(props, key, null) in {null, "SYMMETRIC_DEFAULT"}
	}
}
