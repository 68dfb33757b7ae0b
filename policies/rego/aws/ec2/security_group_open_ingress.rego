package aws.ec2.security_group_open_ingress

import data.lib.pulumi

# METADATA
# title: Security groups open only HTTPS (TCP 443) to the internet
# description: |
#   Ingress from anywhere (0.0.0.0/0 or ::/0) is allowed only for TCP port 443
#   exactly. Any other port or port range open to the internet (SSH, RDP, databases,
#   plain HTTP, UDP, ICMP) and any all-protocols rule ("-1") is flagged. Checked on
#   inline ingress blocks of aws:ec2/securityGroup:SecurityGroup, ingress
#   aws:ec2/securityGroupRule:SecurityGroupRule resources and
#   aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule resources.
# scope: document
# custom:
#   id: aws-ec2-security-group-open-ingress
#   severity: critical
#   concern: network
#   remediation: Restrict the source to known CIDR blocks, prefix lists or security groups, or expose only TCP 443 (fromPort and toPort 443) to 0.0.0.0/0 and ::/0.
#   compliance:
#     fsbp: ["EC2.18", "EC2.19", "EC2.53", "EC2.54"]
#     nist-800-53: ["SC-7", "AC-4"]
#     pci-dss: ["1.3.1"]
deny contains msg if {
	some rule in ingress_rules
	some cidr in rule.cidrs
	cidr in open_cidrs
	not https_only(rule)
	not undecidable(rule)
	msg := sprintf("%s allows ingress from %s to %s: restrict the source to known networks or security groups; only TCP port 443 may be open to the internet.", [rule.label, cidr, describe(rule)])
}

resource_types := pulumi.with_aliases({security_group_type, security_group_rule_type, ingress_rule_type})

security_group_type := "aws:ec2/securityGroup:SecurityGroup"

security_group_rule_type := "aws:ec2/securityGroupRule:SecurityGroupRule"

ingress_rule_type := "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"

open_cidrs := {"0.0.0.0/0", "::/0"}

# ingress_rules normalises the three ways of writing an ingress rule to
# {label, protocol, from, to, cidrs}.
ingress_rules contains rule if {
	pulumi.is_type(input, security_group_type)
	some i, block in list_or_empty(input.properties.ingress)
	is_object(block)
	rule := {
		"label": sprintf("Security group %q (ingress #%d)", [input.name, i]),
		"protocol": object.get(block, "protocol", null),
		"from": object.get(block, "fromPort", null),
		"to": object.get(block, "toPort", null),
		"cidrs": cidrs(block, ["cidrBlocks", "ipv6CidrBlocks"]),
	}
}

ingress_rules contains rule if {
	pulumi.is_type(input, security_group_rule_type)
	input.properties.type == "ingress"
	rule := {
		"label": sprintf("Security group rule %q", [input.name]),
		"protocol": object.get(input.properties, "protocol", null),
		"from": object.get(input.properties, "fromPort", null),
		"to": object.get(input.properties, "toPort", null),
		"cidrs": cidrs(input.properties, ["cidrBlocks", "ipv6CidrBlocks"]),
	}
}

ingress_rules contains rule if {
	pulumi.is_type(input, ingress_rule_type)
	rule := {
		"label": sprintf("Security group ingress rule %q", [input.name]),
		"protocol": object.get(input.properties, "ipProtocol", null),
		"from": object.get(input.properties, "fromPort", null),
		"to": object.get(input.properties, "toPort", null),
		"cidrs": cidrs(input.properties, ["cidrIpv4", "cidrIpv6"]),
	}
}

# cidrs(obj, keys) is the set of CIDR strings at the keys, each a list or a single string.
cidrs(obj, keys) := {c |
	some key in keys
	value := object.get(obj, key, [])
	some c in as_list(value)
	is_string(c)
}

# https_only holds for TCP with fromPort and toPort both 443.
https_only(rule) if {
	protocol_name(rule.protocol) in {"tcp", "6"}
	port(rule.from) == 443
	port(rule.to) == 443
}

# A rule cannot be judged while its protocol, or the ports of a TCP rule, are unknown.
undecidable(rule) if pulumi.is_unknown(rule.protocol)

undecidable(rule) if {
	protocol_name(rule.protocol) in {"tcp", "6"}
	some p in [rule.from, rule.to]
	pulumi.is_unknown(p)
}

all_protocols(rule) if protocol_name(rule.protocol) in {"-1", "all"}

protocol_name(p) := lower(p) if is_string(p)

protocol_name(p) := format_int(p, 10) if is_number(p)

port(p) := p if is_number(p)

port(p) := to_number(p) if {
	is_string(p)
	regex.match(`^-?[0-9]+$`, p)
}

describe(rule) := "all protocols and ports" if all_protocols(rule)

describe(rule) := sprintf("%v port %v", [rule.protocol, port(rule.from)]) if {
	not all_protocols(rule)
	port(rule.from) == port(rule.to)
}

describe(rule) := sprintf("%v ports %v-%v", [rule.protocol, port(rule.from), port(rule.to)]) if {
	not all_protocols(rule)
	port(rule.from) != port(rule.to)
}

describe(rule) := sprintf("protocol %v", [rule.protocol]) if {
	not all_protocols(rule)
	not known_ports(rule)
}

known_ports(rule) if {
	port(rule.from)
	port(rule.to)
}

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

list_or_empty(x) := x if is_array(x)

list_or_empty(x) := [] if not is_array(x)
