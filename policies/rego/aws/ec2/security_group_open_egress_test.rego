package aws.ec2.security_group_open_egress_test

import data.aws.ec2.security_group_open_egress

sg(egress) := {"type": "aws:ec2/securityGroup:SecurityGroup", "name": "app", "properties": {"egress": egress}}

test_flags_egress_to_the_whole_internet if {
	count(security_group_open_egress.deny) == 1 with input as sg([{"protocol": "-1", "fromPort": 0, "toPort": 0, "cidrBlocks": ["0.0.0.0/0"]}])
}

test_flags_ipv6_egress_rule_resource if {
	rule := {"type": "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "name": "out", "properties": {"ipProtocol": "-1", "cidrIpv6": "::/0"}}
	count(security_group_open_egress.deny) == 1 with input as rule
}

test_flags_egress_security_group_rule if {
	props := {"type": "egress", "protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["0.0.0.0/0"]}
	rule := {"type": "aws:ec2/securityGroupRule:SecurityGroupRule", "name": "out", "properties": props}
	count(security_group_open_egress.deny) == 1 with input as rule
}

test_passes_egress_to_named_ranges if {
	count(security_group_open_egress.deny) == 0 with input as sg([{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["10.0.0.0/16"]}])
}

test_passes_ingress_rule if {
	props := {"type": "ingress", "protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["0.0.0.0/0"]}
	rule := {"type": "aws:ec2/securityGroupRule:SecurityGroupRule", "name": "in", "properties": props}
	count(security_group_open_egress.deny) == 0 with input as rule
}

test_unknown_egress_is_not_reported if {
	count(security_group_open_egress.deny) == 0 with input as sg("04da6b54-80e4-46f7-96ec-b56ff0331ba9")
}
