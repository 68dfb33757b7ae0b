package aws.ec2.security_group_open_ingress_test

import data.aws.ec2.security_group_open_ingress

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

group(ingress) := {
	"type": "aws:ec2/securityGroup:SecurityGroup",
	"urn": "urn:pulumi:prod::net::aws:ec2/securityGroup:SecurityGroup::web",
	"name": "web",
	"properties": {"description": "web tier", "vpcId": unknown, "ingress": ingress, "egress": []},
}

block(protocol, from, to, cidrs, ipv6) := {"protocol": protocol, "fromPort": from, "toPort": to, "cidrBlocks": cidrs, "ipv6CidrBlocks": ipv6}

sg_rule(props) := {
	"type": "aws:ec2/securityGroupRule:SecurityGroupRule",
	"urn": "urn:pulumi:prod::net::aws:ec2/securityGroupRule:SecurityGroupRule::web-in",
	"name": "web-in",
	"properties": object.union({"type": "ingress", "securityGroupId": unknown}, props),
}

ingress_rule(props) := {
	"type": "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
	"urn": "urn:pulumi:prod::net::aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::web-in",
	"name": "web-in",
	"properties": object.union({"securityGroupId": unknown}, props),
}

test_flags_ssh_open_to_world if {
	count(security_group_open_ingress.deny) == 1 with input as group([block("tcp", 22, 22, ["0.0.0.0/0"], [])])
}

test_flags_ipv4_and_ipv6_separately if {
	count(security_group_open_ingress.deny) == 2 with input as group([block("tcp", 80, 80, ["0.0.0.0/0"], ["::/0"])])
}

test_flags_all_protocols if {
	count(security_group_open_ingress.deny) == 1 with input as group([block("-1", 0, 0, ["0.0.0.0/0"], [])])
}

test_flags_range_including_443 if {
	count(security_group_open_ingress.deny) == 1 with input as group([block("tcp", 0, 65535, ["0.0.0.0/0"], [])])
}

test_flags_udp_443 if {
	count(security_group_open_ingress.deny) == 1 with input as group([block("udp", 443, 443, [], ["::/0"])])
}

test_passes_https_open_to_world if {
	count(security_group_open_ingress.deny) == 0 with input as group([
		block("tcp", 443, 443, ["0.0.0.0/0"], ["::/0"]),
		block("6", 443, 443, ["0.0.0.0/0"], []),
	])
}

test_passes_ssh_from_private_network if {
	count(security_group_open_ingress.deny) == 0 with input as group([
		block("tcp", 22, 22, ["10.0.0.0/8"], []),
		{"protocol": "tcp", "fromPort": 5432, "toPort": 5432, "securityGroups": ["sg-0123456789abcdef0"]},
	])
}

test_security_group_rule if {
	count(security_group_open_ingress.deny) == 1 with input as sg_rule({"protocol": "tcp", "fromPort": 3389, "toPort": 3389, "cidrBlocks": ["0.0.0.0/0"]})
	count(security_group_open_ingress.deny) == 0 with input as sg_rule({"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["0.0.0.0/0"]})
	count(security_group_open_ingress.deny) == 0 with input as sg_rule({"type": "egress", "protocol": "-1", "fromPort": 0, "toPort": 0, "cidrBlocks": ["0.0.0.0/0"]})
}

test_vpc_ingress_rule if {
	count(security_group_open_ingress.deny) == 1 with input as ingress_rule({"ipProtocol": "-1", "cidrIpv4": "0.0.0.0/0"})
	count(security_group_open_ingress.deny) == 1 with input as ingress_rule({"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "cidrIpv6": "::/0"})
	count(security_group_open_ingress.deny) == 0 with input as ingress_rule({"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "cidrIpv4": "0.0.0.0/0"})
	count(security_group_open_ingress.deny) == 0 with input as ingress_rule({"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "cidrIpv4": "10.20.0.0/16"})
}

test_unknown_values_are_not_reported if {
	count(security_group_open_ingress.deny) == 0 with input as group(unknown)
	count(security_group_open_ingress.deny) == 0 with input as group([block(unknown, 22, 22, ["0.0.0.0/0"], [])])
	count(security_group_open_ingress.deny) == 0 with input as group([block("tcp", unknown, unknown, ["0.0.0.0/0"], [])])
	count(security_group_open_ingress.deny) == 0 with input as group([block("tcp", 22, 22, unknown, [])])
	count(security_group_open_ingress.deny) == 0 with input as ingress_rule({"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "cidrIpv4": unknown})
}

test_ports_as_strings if {
	count(security_group_open_ingress.deny) == 0 with input as sg_rule({"protocol": "TCP", "fromPort": "443", "toPort": "443", "cidrBlocks": ["0.0.0.0/0"]})
}
