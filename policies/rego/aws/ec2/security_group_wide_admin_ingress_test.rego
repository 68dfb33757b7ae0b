package aws.ec2.security_group_wide_admin_ingress_test

import data.aws.ec2.security_group_wide_admin_ingress as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

group(ingress) := {
	"type": "aws:ec2/securityGroup:SecurityGroup",
	"urn": "urn:pulumi:prod::net::aws:ec2/securityGroup:SecurityGroup::db",
	"name": "db",
	"properties": {"vpcId": "vpc-0a1b2c", "ingress": ingress},
}

tcp(from, to, cidrs) := {"protocol": "tcp", "fromPort": from, "toPort": to, "cidrBlocks": cidrs}

test_flags_admin_and_database_ports_to_a_slash_8 if {
	count(rule.deny) == 1 with input as group([tcp(22, 22, ["10.0.0.0/8"])])
	count(rule.deny) == 1 with input as group([tcp(5432, 5432, ["10.0.0.0/8", "192.168.0.0/16"])])
	count(rule.deny) == 1 with input as group([tcp(3000, 4000, ["10.0.0.0/7"])])
	count(rule.deny) == 1 with input as group([{"protocol": "-1", "fromPort": 0, "toPort": 0, "cidrBlocks": ["10.0.0.0/8"]}])
}

test_flags_ingress_rule_resources if {
	count(rule.deny) == 1 with input as {"type": "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "name": "ssh", "properties": {"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "cidrIpv4": "10.0.0.0/8"}}
}

test_passes_narrow_sources_and_other_ports if {
	count(rule.deny) == 0 with input as group([tcp(22, 22, ["10.0.12.0/24"])])
	count(rule.deny) == 0 with input as group([tcp(443, 443, ["10.0.0.0/8"])])
	count(rule.deny) == 0 with input as group([tcp(5432, 5432, ["10.0.0.0/16"])])
}

test_open_to_the_internet_is_left_to_the_open_ingress_rule if {
	count(rule.deny) == 0 with input as group([tcp(22, 22, ["0.0.0.0/0"])])
}

test_unknown_values_are_not_reported if {
	count(rule.deny) == 0 with input as group([tcp(unknown, unknown, ["10.0.0.0/8"])])
	count(rule.deny) == 0 with input as group([tcp(22, 22, [unknown])])
}
