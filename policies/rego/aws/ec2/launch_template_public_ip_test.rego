package aws.ec2.launch_template_public_ip_test

import data.aws.ec2.launch_template_public_ip as rule

template(interfaces) := {
	"type": "aws:ec2/launchTemplate:LaunchTemplate",
	"urn": "urn:pulumi:prod::api::aws:ec2/launchTemplate:LaunchTemplate::workers",
	"name": "workers",
	"properties": {"imageId": "ami-0abcdef1234567890", "networkInterfaces": interfaces},
}

test_flags_public_ip_string if {
	count(rule.deny) == 1 with input as template([{"associatePublicIpAddress": "true", "deviceIndex": 0}])
}

test_flags_public_ip_boolean if {
	count(rule.deny) == 1 with input as template([{"associatePublicIpAddress": true}])
}

test_passes_private_interfaces if {
	count(rule.deny) == 0 with input as template([{"associatePublicIpAddress": "false", "deviceIndex": 0}])
	count(rule.deny) == 0 with input as template([{"subnetId": "subnet-0123456789abcdef0"}])
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as template([{"associatePublicIpAddress": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}])
}
