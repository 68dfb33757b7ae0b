package aws.ec2.instance_ebs_encrypted_test

import data.aws.ec2.instance_ebs_encrypted as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

instance(props) := {
	"type": "aws:ec2/instance:Instance",
	"urn": "urn:pulumi:prod::api::aws:ec2/instance:Instance::worker",
	"name": "worker",
	"properties": object.union({"ami": "ami-0abcdef1234567890", "instanceType": "t3.micro"}, props),
}

encrypted_root := {"rootBlockDevice": {"encrypted": true, "volumeSize": 20, "volumeType": "gp3"}}

test_flags_default_root_volume if {
	count(rule.deny) == 1 with input as instance({})
}

test_flags_unencrypted_root_volume if {
	count(rule.deny) == 1 with input as instance({"rootBlockDevice": {"volumeSize": 20}})
}

test_flags_unencrypted_data_volume if {
	findings := rule.deny with input as instance(object.union(encrypted_root, {"ebsBlockDevices": [{"deviceName": "/dev/sdf", "volumeSize": 100}]}))
	findings == {"EC2 instance \"worker\" has an unencrypted EBS volume \"/dev/sdf\" (ebsBlockDevices): set encrypted to true on it (with kmsKeyId for a customer-managed key)."}
}

test_passes_encrypted_volumes if {
	count(rule.deny) == 0 with input as instance(object.union(encrypted_root, {"ebsBlockDevices": [{"deviceName": "/dev/sdf", "encrypted": true}]}))
}

test_passes_snapshot_volume_without_setting if {
	count(rule.deny) == 0 with input as instance(object.union(encrypted_root, {"ebsBlockDevices": [{"deviceName": "/dev/sdf", "snapshotId": "snap-0123456789abcdef0"}]}))
}

test_leaves_template_root_volume_to_template_rule if {
	count(rule.deny) == 0 with input as instance({"launchTemplate": {"id": "lt-0abcd1234"}})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as instance({"rootBlockDevice": {"encrypted": unknown}})
	count(rule.deny) == 0 with input as instance({"rootBlockDevice": unknown})
}
