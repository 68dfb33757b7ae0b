package aws.ec2.security_group_open_egress

import data.lib.iam
import data.lib.pulumi

# METADATA
# title: Security groups do not let traffic out to the whole internet
# description: |
#   Egress to 0.0.0.0/0 or ::/0 lets a compromised workload reach any host on the
#   internet (data exfiltration, command-and-control). Name the destinations (the VPC,
#   prefix lists of AWS services, a partner's ranges) instead. Checked on inline egress
#   blocks of aws:ec2/securityGroup:SecurityGroup, egress
#   aws:ec2/securityGroupRule:SecurityGroupRule resources and
#   aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule resources. The profiles keep it
#   advisory outside prod: open egress is common and often deliberate; components ask for a reason.
# scope: document
# custom:
#   id: aws-ec2-security-group-open-egress
#   severity: low
#   concern: network
#   remediation: Set egress cidr_blocks to the ranges the workload must reach (or a prefix list), not 0.0.0.0/0 or ::/0.
#   compliance:
#     nist-800-53: ["SC-7(5)", "AC-4"]
deny contains msg if {
	some target in open_targets
	msg := sprintf("%s lets traffic out to %s, any host on the internet: name the destinations the workload needs.", target)
}

resource_types := pulumi.with_aliases({security_group_type, security_group_rule_type, egress_rule_type})

security_group_type := "aws:ec2/securityGroup:SecurityGroup"

security_group_rule_type := "aws:ec2/securityGroupRule:SecurityGroupRule"

egress_rule_type := "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"

open_cidrs := {"0.0.0.0/0", "::/0"}

open_targets contains [sprintf("Security group %q (egress #%d)", [input.name, i]), cidr] if {
	pulumi.is_type(input, security_group_type)
	some i, block in object.get(input.properties, "egress", [])
	some key in ["cidrBlocks", "ipv6CidrBlocks"]
	some cidr in iam.as_list(object.get(block, key, []))
	cidr in open_cidrs
}

open_targets contains [sprintf("Security group rule %q", [input.name]), cidr] if {
	pulumi.is_type(input, security_group_rule_type)
	input.properties.type == "egress"
	some key in ["cidrBlocks", "ipv6CidrBlocks"]
	some cidr in iam.as_list(object.get(input.properties, key, []))
	cidr in open_cidrs
}

open_targets contains [sprintf("Security group egress rule %q", [input.name]), cidr] if {
	pulumi.is_type(input, egress_rule_type)
	some key in ["cidrIpv4", "cidrIpv6"]
	cidr := object.get(input.properties, key, null)
	cidr in open_cidrs
}
