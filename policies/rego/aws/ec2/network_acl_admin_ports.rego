package aws.ec2.network_acl_admin_ports

import data.lib.pulumi

# METADATA
# title: Network ACLs do not allow SSH or RDP from the internet
# description: |
#   A network ACL entry that allows ingress from 0.0.0.0/0 or ::/0 to port 22 (SSH) or 3389
#   (RDP), or to all ports, lets the whole internet reach the remote administration ports
#   of every subnet the ACL covers, wherever a security group is loose. Checked on
#   aws.ec2.NetworkAcl ingress entries and on aws.ec2.NetworkAclRule resources (egress
#   false). Entries whose protocol, ports or source are unknown are not judged.
# scope: document
# custom:
#   id: aws-ec2-network-acl-admin-ports
#   severity: high
#   concern: network
#   remediation: Allow ports 22 and 3389 only from the administration networks (or not at all, with Session Manager), and deny them from 0.0.0.0/0 and ::/0 with a lower rule number.
#   compliance:
#     fsbp: ["EC2.21"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.3.1"]
deny contains msg if {
	some entry in entries
	lower(sprintf("%v", [entry.action])) == "allow"
	entry.source in {"0.0.0.0/0", "::/0"}
	some port in [22, 3389]
	opens(entry, port)
	msg := sprintf("%s allows ingress from %s to port %d: allow remote administration only from known networks.", [entry.label, entry.source, port])
}

resource_types := pulumi.with_aliases({"aws:ec2/networkAcl:NetworkAcl", "aws:ec2/networkAclRule:NetworkAclRule"})

# entries normalises both forms to {label, action, protocol, from, to, source}.
entries contains entry if {
	pulumi.is_type(input, "aws:ec2/networkAcl:NetworkAcl")
	some i, e in object.get(input.properties, "ingress", [])
	some source in sources(e, ["cidrBlock", "ipv6CidrBlock"])
	entry := {"label": sprintf("Network ACL %q (ingress #%d)", [input.name, i]), "action": object.get(e, "action", ""), "protocol": object.get(e, "protocol", null), "from": object.get(e, "fromPort", null), "to": object.get(e, "toPort", null), "source": source}
}

entries contains entry if {
	pulumi.is_type(input, "aws:ec2/networkAclRule:NetworkAclRule")
	not input.properties.egress == true
	some source in sources(input.properties, ["cidrBlock", "ipv6CidrBlock"])
	p := input.properties
	entry := {"label": sprintf("Network ACL rule %q", [input.name]), "action": object.get(p, "ruleAction", ""), "protocol": object.get(p, "protocol", null), "from": object.get(p, "fromPort", null), "to": object.get(p, "toPort", null), "source": source}
}

sources(obj, keys) := {s | some key in keys; s := obj[key]; is_string(s)}

protocol(entry) := lower(sprintf("%v", [entry.protocol]))

opens(entry, _) if protocol(entry) in {"-1", "all"}

opens(entry, port) if {
	protocol(entry) in {"tcp", "6"}
	is_number(entry.from)
	is_number(entry.to)
	entry.from <= port
	port <= entry.to
}
