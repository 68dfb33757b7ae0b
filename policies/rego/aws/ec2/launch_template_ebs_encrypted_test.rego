package aws.ec2.launch_template_ebs_encrypted_test

import data.aws.ec2.launch_template_ebs_encrypted as rule

template(mappings) := {
	"type": "aws:ec2/launchTemplate:LaunchTemplate",
	"urn": "urn:pulumi:prod::api::aws:ec2/launchTemplate:LaunchTemplate::workers",
	"name": "workers",
	"properties": {"imageId": "ami-0abcdef1234567890", "blockDeviceMappings": mappings},
}

test_flags_volume_without_encryption if {
	count(rule.deny) == 1 with input as template([{"deviceName": "/dev/xvda", "ebs": {"volumeSize": 20}}])
}

test_flags_encryption_turned_off if {
	count(rule.deny) == 1 with input as template([{"deviceName": "/dev/xvda", "ebs": {"encrypted": "false"}}])
}

test_passes_encrypted_volume if {
	count(rule.deny) == 0 with input as template([{"deviceName": "/dev/xvda", "ebs": {"encrypted": "true", "volumeSize": 20}}])
	count(rule.deny) == 0 with input as template([{"deviceName": "/dev/xvda", "ebs": {"encrypted": true}}])
}

test_passes_snapshot_and_ephemeral_mappings if {
	count(rule.deny) == 0 with input as template([{"deviceName": "/dev/sdf", "ebs": {"snapshotId": "snap-0123456789abcdef0"}}])
	count(rule.deny) == 0 with input as template([{"deviceName": "/dev/sdb", "virtualName": "ephemeral0"}])
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as template([{"deviceName": "/dev/xvda", "ebs": {"encrypted": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}])
}
