package aws.ecs.task_set_public_ip

import data.lib.pulumi

# METADATA
# title: ECS task sets do not give their tasks public IP addresses
# description: |
#   networkConfiguration.assignPublicIp true gives every task of the task set a public
#   address: its ports are then reachable from the internet wherever its security groups
#   allow. Tasks belong in private subnets behind a load balancer, reaching out through
#   NAT or VPC endpoints. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-ecs-task-set-public-ip
#   severity: high
#   concern: network
#   remediation: 'Set network_configuration.assign_public_ip=False on aws.ecs.TaskSet and use private subnets.'
#   compliance:
#     fsbp: ["ECS.16"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.4.4"]
deny contains msg if {
	input.type in resource_types
	input.properties.networkConfiguration.assignPublicIp == true
	msg := sprintf("ECS task set %q gives its tasks public IP addresses: set networkConfiguration.assignPublicIp to false.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ecs/taskSet:TaskSet"})
