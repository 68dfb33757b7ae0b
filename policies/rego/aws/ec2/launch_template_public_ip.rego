package aws.ec2.launch_template_public_ip

import data.lib.pulumi

# METADATA
# title: EC2 launch templates assign no public IP address
# description: |
#   A launch template whose networkInterfaces set associatePublicIpAddress to "true"
#   gives every instance launched from it (an Auto Scaling group, an EKS node group) a
#   public address reachable from the internet, bypassing the load balancers and WAF in
#   front of the private tiers. The provider takes the value as a string ("true") or a
#   boolean. A deliberate public fleet is exempted with a reason.
# scope: document
# custom:
#   id: aws-ec2-launch-template-public-ip
#   severity: high
#   concern: network
#   remediation: Remove associate_public_ip_address="true" from network_interfaces of aws.ec2.LaunchTemplate (or set it to "false") and launch into private subnets.
#   compliance:
#     fsbp: ["EC2.25"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.4.4"]
deny contains msg if {
	input.type in resource_types
	some i, interface in input.properties.networkInterfaces
	interface.associatePublicIpAddress in {true, "true"}
	msg := sprintf(
		"EC2 launch template %q gives its instances a public IP address (network interface #%d): set associatePublicIpAddress to \"false\" and launch into private subnets.",
		[input.name, i + 1],
	)
}

resource_types := pulumi.with_aliases({"aws:ec2/launchTemplate:LaunchTemplate"})
