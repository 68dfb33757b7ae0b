package aws.ec2.launch_template_ebs_encrypted

import data.lib.pulumi

# METADATA
# title: EC2 launch templates encrypt their EBS volumes
# description: |
#   Every blockDeviceMappings entry with an ebs block must set encrypted to "true" (the
#   provider takes the value as a string or a boolean): otherwise each instance launched
#   from the template gets that volume unencrypted (unless the account's EBS encryption
#   by default is on, which the program does not show). A mapping restored from a
#   snapshot (snapshotId) that does not set encrypted keeps the snapshot's encryption
#   and is not judged.
# scope: document
# custom:
#   id: aws-ec2-launch-template-ebs-encrypted
#   severity: high
#   concern: encryption
#   remediation: Set ebs=aws.ec2.LaunchTemplateBlockDeviceMappingEbsArgs(encrypted="true", kms_key_id=key.arn, ...) in every block_device_mappings entry of aws.ec2.LaunchTemplate.
#   compliance:
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	some mapping in input.properties.blockDeviceMappings
	ebs := mapping.ebs
	is_object(ebs)
	unencrypted(ebs)
	msg := sprintf(
		"EC2 launch template %q gives its instances an unencrypted EBS volume %q: set ebs.encrypted to \"true\" (with kmsKeyId for a customer-managed key).",
		[input.name, object.get(mapping, "deviceName", "")],
	)
}

resource_types := pulumi.with_aliases({"aws:ec2/launchTemplate:LaunchTemplate"})

unencrypted(ebs) if ebs.encrypted in {false, "false"}

unencrypted(ebs) if {
	pulumi.absent(ebs, "encrypted")
	pulumi.absent(ebs, "snapshotId")
}
