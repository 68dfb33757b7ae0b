package aws.ec2.instance_public_ip_test

import data.aws.ec2.instance_public_ip as rule

instance(props) := {
	"type": "aws:ec2/instance:Instance",
	"urn": "urn:pulumi:prod::api::aws:ec2/instance:Instance::worker",
	"name": "worker",
	"properties": object.union({"ami": "ami-0abcdef1234567890", "instanceType": "t3.micro", "subnetId": "subnet-0123456789abcdef0"}, props),
}

test_flags_public_ip if {
	count(rule.deny) == 1 with input as instance({"associatePublicIpAddress": true})
}

test_passes_private_instance if {
	count(rule.deny) == 0 with input as instance({"associatePublicIpAddress": false})
}

test_passes_subnet_default if {
	count(rule.deny) == 0 with input as instance({})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as instance({"associatePublicIpAddress": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
