package aws.ec2.subnet_public_ip_test

import data.aws.ec2.subnet_public_ip as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

subnet(props) := {
	"type": "aws:ec2/subnet:Subnet",
	"urn": "urn:pulumi:prod::net::aws:ec2/subnet:Subnet::public-a",
	"name": "public-a",
	"properties": object.union({"vpcId": "vpc-0a1b2c", "cidrBlock": "10.0.1.0/24", "availabilityZone": "us-east-1a"}, props),
}

test_flags_subnet_mapping_public_ips if {
	count(rule.deny) == 1 with input as subnet({"mapPublicIpOnLaunch": true})
}

test_passes_subnet_without_public_ips if {
	count(rule.deny) == 0 with input as subnet({})
	count(rule.deny) == 0 with input as subnet({"mapPublicIpOnLaunch": false})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as subnet({"mapPublicIpOnLaunch": unknown})
}
