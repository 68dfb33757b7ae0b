package aws.ec2.default_security_group_rules

import data.lib.pulumi

# METADATA
# title: The VPC default security group allows no traffic
# description: |
#   Anything launched without a security group lands in the VPC's default security group,
#   so any rule it keeps opens those resources by accident. Adopting it as an
#   aws.ec2.DefaultSecurityGroup with no ingress and no egress removes all its rules
#   (the AWS default lets members reach each other and everything out); one that keeps
#   ingress or egress rules is reported. An unknown rule list is not judged.
# scope: document
# custom:
#   id: aws-ec2-default-security-group-rules
#   severity: medium
#   concern: network
#   remediation: Declare aws.ec2.DefaultSecurityGroup("default", vpc_id=vpc.id) with no ingress and no egress, and give every resource its own security group.
#   compliance:
#     fsbp: ["EC2.2"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.2.1"]
deny contains msg if {
	input.type in resource_types
	some direction in ["ingress", "egress"]
	rules := object.get(input.properties, direction, [])
	is_array(rules)
	count(rules) > 0
	msg := sprintf("Default security group %q keeps %d %s rule(s): leave its ingress and egress empty so that nothing is opened by default.", [input.name, count(rules), direction])
}

resource_types := pulumi.with_aliases({"aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"})
