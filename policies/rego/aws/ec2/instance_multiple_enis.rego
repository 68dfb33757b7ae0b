package aws.ec2.instance_multiple_enis

import data.lib.pulumi

# METADATA
# title: EC2 instances use a single network interface
# description: |
#   An instance with several network interfaces, often in different subnets, bridges
#   networks that the VPC design keeps apart: a compromise of the instance reaches both,
#   and traffic between them bypasses the routes, network ACLs and firewalls in between.
#   Use one interface unless the instance is a network appliance, and exempt it then.
#   Unknown lists are not judged.
# scope: document
# custom:
#   id: aws-ec2-instance-multiple-enis
#   severity: low
#   concern: network
#   remediation: 'Attach a single network interface (or none, to use the primary one) to aws.ec2.Instance; put appliances behind a Gateway Load Balancer instead.'
#   compliance:
#     fsbp: ["EC2.17"]
#     nist-800-53: ["AC-4", "SC-7"]
deny contains msg if {
	input.type in resource_types
	interfaces := input.properties.networkInterfaces
	is_array(interfaces)
	count(interfaces) > 1
	msg := sprintf("EC2 instance %q has more than one network interface, bridging networks: use a single interface.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ec2/instance:Instance"})
