package aws.efs.mount_target_public_subnet

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: EFS mount targets are not placed in public subnets
# description: |
#   A mount target in a subnet that gives instances public IP addresses
#   (mapPublicIpOnLaunch) sits in the public tier, next to whatever is exposed there: the
#   NFS port is one security group rule away from the internet. Mount targets belong in
#   private subnets. A mount target whose subnet is a subnet of the stack with
#   mapPublicIpOnLaunch true is reported; subnets outside the stack are not judged.
# scope: document
# custom:
#   id: aws-efs-mount-target-public-subnet
#   severity: medium
#   concern: network
#   remediation: Set subnet_id of aws.efs.MountTarget to a private subnet (map_public_ip_on_launch=False, no route to an internet gateway).
#   compliance:
#     fsbp: ["EFS.6"]
#     nist-800-53: ["AC-4", "SC-7"]
stack_deny contains {"urn": target.urn, "message": msg} if {
	some target in stack.of_type("aws:efs/mountTarget:MountTarget")
	subnets := stack.refs(target, "subnetId")
	some subnet in public_subnets
	stack.referenced(subnet, ["id"], subnets)
	msg := sprintf("EFS mount target %q is in subnet %q, which gives instances public IP addresses: place it in a private subnet.", [target.name, subnet.name])
}

public_subnets := [s | some s in stack.of_type("aws:ec2/subnet:Subnet"); s.properties.mapPublicIpOnLaunch == true]

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:ec2/subnet:Subnet",
	"aws:efs/mountTarget:MountTarget",
})
