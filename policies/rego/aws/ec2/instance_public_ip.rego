package aws.ec2.instance_public_ip

import data.lib.pulumi

# METADATA
# title: EC2 instances get no public IP address
# description: |
#   An instance with associatePublicIpAddress true is reachable from the internet on
#   every port its security groups open, and bypasses the load balancers, WAF and NAT
#   gateways in front of the private tiers. Instances belong in private subnets behind
#   those; a deliberate public host (a bastion, a NAT instance) is exempted with a
#   reason. An instance that does not set associatePublicIpAddress takes the subnet's
#   mapPublicIpOnLaunch, which this rule does not see.
# scope: document
# custom:
#   id: aws-ec2-instance-public-ip
#   severity: high
#   concern: network
#   remediation: Remove associate_public_ip_address=True (or set it to False) on aws.ec2.Instance and place it in a private subnet behind a load balancer; reach it with SSM Session Manager instead of SSH.
#   compliance:
#     fsbp: ["EC2.9"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.4.4"]
deny contains msg if {
	input.type in resource_types
	input.properties.associatePublicIpAddress == true
	msg := sprintf(
		"EC2 instance %q gets a public IP address and is reachable from the internet: set associatePublicIpAddress to false and place it in a private subnet behind a load balancer (exempt it with a reason only for a deliberate public host).",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:ec2/instance:Instance"})
