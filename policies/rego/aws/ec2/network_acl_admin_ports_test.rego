package aws.ec2.network_acl_admin_ports_test

import data.aws.ec2.network_acl_admin_ports as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

acl(ingress) := {"type": "aws:ec2/networkAcl:NetworkAcl", "urn": "urn:pulumi:prod::net::aws:ec2/networkAcl:NetworkAcl::public", "name": "public", "properties": {"vpcId": "vpc-1", "ingress": ingress}}

entry(action, protocol, from, to, cidr) := {"ruleNo": 100, "action": action, "protocol": protocol, "fromPort": from, "toPort": to, "cidrBlock": cidr}

test_flags_ssh_and_rdp_from_anywhere if {
	count(rule.deny) == 1 with input as acl([entry("allow", "tcp", 22, 22, "0.0.0.0/0")])
	count(rule.deny) == 2 with input as acl([entry("allow", "-1", 0, 0, "0.0.0.0/0")])
	count(rule.deny) == 1 with input as {"type": "aws:ec2/networkAclRule:NetworkAclRule", "name": "rdp", "properties": {"networkAclId": "acl-1", "ruleNumber": 100, "egress": false, "protocol": "tcp", "ruleAction": "allow", "fromPort": 3389, "toPort": 3389, "cidrBlock": "0.0.0.0/0"}}
}

test_passes_https_narrow_sources_and_denies if {
	count(rule.deny) == 0 with input as acl([entry("allow", "tcp", 443, 443, "0.0.0.0/0")])
	count(rule.deny) == 0 with input as acl([entry("allow", "tcp", 22, 22, "10.0.0.0/16")])
	count(rule.deny) == 0 with input as acl([entry("deny", "tcp", 22, 22, "0.0.0.0/0")])
	count(rule.deny) == 0 with input as {"type": "aws:ec2/networkAclRule:NetworkAclRule", "name": "out", "properties": {"egress": true, "protocol": "-1", "ruleAction": "allow", "cidrBlock": "0.0.0.0/0"}}
}

test_unknown_values_are_not_reported if {
	count(rule.deny) == 0 with input as acl([entry("allow", "tcp", unknown, unknown, "0.0.0.0/0")])
	count(rule.deny) == 0 with input as acl([entry("allow", "tcp", 22, 22, unknown)])
}
