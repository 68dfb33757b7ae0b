package aws.ec2.default_security_group_rules_test

import data.aws.ec2.default_security_group_rules as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

group(props) := {
	"type": "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
	"urn": "urn:pulumi:prod::net::aws:ec2/defaultSecurityGroup:DefaultSecurityGroup::default",
	"name": "default",
	"properties": object.union({"vpcId": "vpc-0a1b2c"}, props),
}

self_ingress := {"protocol": "-1", "self": true, "fromPort": 0, "toPort": 0}

all_egress := {"protocol": "-1", "fromPort": 0, "toPort": 0, "cidrBlocks": ["0.0.0.0/0"]}

test_flags_default_rules_kept if {
	count(rule.deny) == 2 with input as group({"ingress": [self_ingress], "egress": [all_egress]})
	count(rule.deny) == 1 with input as group({"egress": [all_egress]})
}

test_passes_emptied_default_group if {
	count(rule.deny) == 0 with input as group({})
	count(rule.deny) == 0 with input as group({"ingress": [], "egress": []})
}

test_unknown_rules_are_not_reported if {
	count(rule.deny) == 0 with input as group({"ingress": unknown, "egress": unknown})
}
