package aws.ebs.encryption_by_default

import data.lib.pulumi

# METADATA
# title: EBS encryption by default stays on
# description: |
#   aws.ebs.EncryptionByDefault with enabled false turns off the region's account-wide
#   setting that encrypts every new EBS volume and snapshot copy: volumes created later by
#   any tool, Auto Scaling group or console click are then stored in clear unless each
#   asks for encryption. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-ebs-encryption-by-default
#   severity: high
#   concern: encryption
#   remediation: 'Set enabled=True on aws.ebs.EncryptionByDefault (and aws.ebs.DefaultKmsKey for a customer-managed key).'
#   compliance:
#     fsbp: ["EC2.7"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	input.properties.enabled == false
	msg := sprintf("EBS encryption by default %q is turned off: set enabled to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ebs/encryptionByDefault:EncryptionByDefault"})
