package aws.ec2.instance_ebs_encrypted

import data.lib.pulumi

# METADATA
# title: EC2 instance volumes are encrypted
# description: |
#   The root volume (rootBlockDevice) and every EBS volume attached at launch
#   (ebsBlockDevices) must set encrypted true: otherwise the volume takes the AMI's or
#   snapshot's encryption, which for public AMIs is none, and its data and snapshots
#   stay unencrypted at rest (unless the account's EBS encryption by default is on,
#   which the program does not show). A volume restored from a snapshot (snapshotId)
#   that does not set encrypted keeps the snapshot's encryption and is not judged; an
#   instance launched from a launch template without its own rootBlockDevice takes the
#   template's, which aws-ec2-launch-template-ebs-encrypted checks.
# scope: document
# custom:
#   id: aws-ec2-instance-ebs-encrypted
#   severity: high
#   concern: encryption
#   remediation: Set root_block_device=aws.ec2.InstanceRootBlockDeviceArgs(encrypted=True, kms_key_id=key.arn) and encrypted=True on every ebs_block_devices entry of aws.ec2.Instance.
#   compliance:
#     fsbp: ["EC2.3"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	some volume in unencrypted_volumes
	msg := sprintf(
		"EC2 instance %q has an unencrypted %s: set encrypted to true on it (with kmsKeyId for a customer-managed key).",
		[input.name, volume],
	)
}

resource_types := pulumi.with_aliases({"aws:ec2/instance:Instance"})

unencrypted_volumes contains "root volume (rootBlockDevice)" if {
	pulumi.absent(input.properties, "rootBlockDevice")
	pulumi.absent(input.properties, "launchTemplate")
}

unencrypted_volumes contains "root volume (rootBlockDevice)" if {
	unencrypted(input.properties.rootBlockDevice)
}

unencrypted_volumes contains sprintf("EBS volume %q (ebsBlockDevices)", [device.deviceName]) if {
	some device in input.properties.ebsBlockDevices
	pulumi.absent(device, "snapshotId")
	unencrypted(device)
}

unencrypted_volumes contains sprintf("EBS volume %q (ebsBlockDevices)", [device.deviceName]) if {
	some device in input.properties.ebsBlockDevices
	device.encrypted == false
	not pulumi.absent(device, "snapshotId")
}

unencrypted(device) if {
	is_object(device)
	pulumi.is_false(device, "encrypted")
}
