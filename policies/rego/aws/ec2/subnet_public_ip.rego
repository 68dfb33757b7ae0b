package aws.ec2.subnet_public_ip

import data.lib.pulumi

# METADATA
# title: Subnets do not give instances public IP addresses automatically
# description: |
#   mapPublicIpOnLaunch true gives every network interface created in the subnet a public
#   IPv4 address, whether or not its owner meant it to be reachable: an instance, task or
#   database launched there later is exposed wherever its security group allows. Public
#   addresses belong to the few resources that need one (load balancers, NAT gateways,
#   which get theirs from the subnet's route and Elastic IPs, not from this setting). An
#   unknown setting is not judged.
# scope: document
# custom:
#   id: aws-ec2-subnet-public-ip
#   severity: medium
#   concern: network
#   remediation: Leave map_public_ip_on_launch=False on aws.ec2.Subnet (the default); give a public address explicitly to the resource that needs it (an Elastic IP, associate_public_ip_address on that instance).
#   compliance:
#     fsbp: ["EC2.15"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.4.4"]
deny contains msg if {
	input.type in resource_types
	input.properties.mapPublicIpOnLaunch == true
	msg := sprintf("Subnet %q gives every instance launched in it a public IP address: set mapPublicIpOnLaunch to false.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ec2/subnet:Subnet"})
