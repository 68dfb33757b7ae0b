package aws.ec2.security_group_wide_admin_ingress

import data.aws.ec2.security_group_open_ingress as open_ingress

# METADATA
# title: Security groups do not open administration and database ports to whole /8 networks
# description: |
#   aws-ec2-security-group-open-ingress reports ports open to the internet (0.0.0.0/0,
#   ::/0); a source of a /8 or wider (10.0.0.0/8 is 16 million addresses) is nearly as
#   broad: every peered VPC, VPN user and office network, or for a public range a whole
#   provider, reaches SSH, RDP or the database. Remote administration and database ports
#   (22, 3389, 23, 21, 3306, 5432, 1433, 1521, 6379, 11211, 27017, 9200, 2375, 2376) and
#   all-protocol rules must name narrower sources: the subnets or security groups that need
#   them. Unknown protocols, ports or sources are not judged.
# scope: document
# custom:
#   id: aws-ec2-security-group-wide-admin-ingress
#   severity: medium
#   concern: network
#   remediation: Narrow the source to the subnets that need the port (10.0.12.0/24) or reference the client's security group (source_security_group_id / referenced_security_group_id); reach instances through Session Manager instead of SSH.
#   compliance:
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.3.1"]
deny contains msg if {
	some rule in open_ingress.ingress_rules
	some cidr in rule.cidrs
	wide(cidr)
	not open_ingress.undecidable(rule)
	opens_sensitive_port(rule)
	msg := sprintf("%s allows ingress from %s, a /8 or wider network, to %s: narrow the source to the subnets or security groups that need it.", [rule.label, cidr, open_ingress.describe(rule)])
}

resource_types := open_ingress.resource_types

sensitive_ports := {21, 22, 23, 1433, 1521, 2375, 2376, 3306, 3389, 5432, 6379, 9200, 11211, 27017}

# wide(cidr) holds for an IPv4 prefix of /1 to /8 or an IPv6 prefix of /1 to /32 (/0 is
# the open-ingress rule's).
wide(cidr) if {
	parts := split(cidr, "/")
	count(parts) == 2
	length := to_number(parts[1])
	length > 0
	length <= limit(parts[0])
}

limit(address) := 8 if not contains(address, ":")

limit(address) := 32 if contains(address, ":")

opens_sensitive_port(rule) if open_ingress.all_protocols(rule)

opens_sensitive_port(rule) if {
	open_ingress.protocol_name(rule.protocol) in {"tcp", "6"}
	some p in sensitive_ports
	open_ingress.port(rule.from) <= p
	p <= open_ingress.port(rule.to)
}
