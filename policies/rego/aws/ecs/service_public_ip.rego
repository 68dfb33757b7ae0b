package aws.ecs.service_public_ip

import data.lib.pulumi

# METADATA
# title: ECS services assign no public IP address to their tasks
# description: |
#   With networkConfiguration.assignPublicIp true, every task of an awsvpc service gets
#   a public address and is reachable from the internet on every port its security
#   groups open, bypassing the load balancer and WAF in front of it. Tasks belong in
#   private subnets, pulling images through NAT or VPC endpoints.
# scope: document
# custom:
#   id: aws-ecs-service-public-ip
#   severity: high
#   concern: network
#   remediation: Set network_configuration=aws.ecs.ServiceNetworkConfigurationArgs(assign_public_ip=False, subnets=private_subnet_ids, security_groups=[...]) on aws.ecs.Service.
#   compliance:
#     fsbp: ["ECS.2"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.4.4"]
deny contains msg if {
	input.type in resource_types
	input.properties.networkConfiguration.assignPublicIp == true
	msg := sprintf(
		"ECS service %q gives its tasks public IP addresses: set networkConfiguration.assignPublicIp to false and run the tasks in private subnets behind a load balancer.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:ecs/service:Service"})
