package aws.efs.mount_target_public_subnet_test

import data.aws.efs.mount_target_public_subnet as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

subnet_urn := "urn:pulumi:prod::net::aws:ec2/subnet:Subnet::a"

subnet(public) := {"type": "aws:ec2/subnet:Subnet", "urn": subnet_urn, "name": "a", "properties": {"vpcId": "vpc-1", "cidrBlock": "10.0.1.0/24", "mapPublicIpOnLaunch": public, "id": "subnet-0a1"}}

target(props, deps) := {"type": "aws:efs/mountTarget:MountTarget", "urn": "urn:pulumi:prod::app::aws:efs/mountTarget:MountTarget::shared-a", "name": "shared-a", "properties": object.union({"fileSystemId": "fs-0a1b2c"}, props), "propertyDependencies": deps}

test_flags_mount_target_in_public_subnet if {
	count(rule.stack_deny) == 1 with input as {"resources": [subnet(true), target({"subnetId": unknown}, {"subnetId": [subnet_urn]})]}
	count(rule.stack_deny) == 1 with input as {"resources": [subnet(true), target({"subnetId": "subnet-0a1"}, {})]}
}

test_passes_mount_target_in_private_subnet if {
	count(rule.stack_deny) == 0 with input as {"resources": [subnet(false), target({"subnetId": "subnet-0a1"}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [subnet(true), target({"subnetId": "subnet-other"}, {})]}
}

test_unknown_subnet_is_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [subnet(true), target({"subnetId": unknown}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [subnet(unknown), target({"subnetId": "subnet-0a1"}, {})]}
}
