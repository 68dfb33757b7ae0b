package aws.msk.cluster_public_subnets

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: MSK brokers are placed in private subnets
# description: |
#   Brokers in subnets that give instances public IP addresses (mapPublicIpOnLaunch) sit in
#   the public tier: turning public access on later, or a route and a loose security group,
#   is all it takes to expose the Kafka listeners. brokerNodeGroupInfo.clientSubnets must be
#   private subnets. A cluster whose client subnets include a subnet of the stack with
#   mapPublicIpOnLaunch true is reported (found through propertyDependencies or the subnet
#   ids); subnets outside the stack are not judged.
# scope: document
# custom:
#   id: aws-msk-cluster-public-subnets
#   severity: medium
#   concern: network
#   remediation: Set broker_node_group_info.client_subnets of aws.msk.Cluster to private subnets (map_public_ip_on_launch=False, routed through NAT or not at all).
#   compliance:
#     nist-800-53: ["AC-4", "SC-7"]
stack_deny contains {"urn": cluster.urn, "message": msg} if {
	some cluster in stack.of_type("aws:msk/cluster:Cluster")
	subnets := client_subnets(cluster)
	some subnet in public_subnets
	stack.referenced(subnet, ["id"], subnets)
	msg := sprintf("MSK cluster %q places brokers in subnet %q, which gives instances public IP addresses: use private subnets.", [cluster.name, subnet.name])
}

public_subnets := [s | some s in stack.of_type("aws:ec2/subnet:Subnet"); s.properties.mapPublicIpOnLaunch == true]

# client_subnets(cluster) is the set of subnet ids and the URNs the broker group depends on.
client_subnets(cluster) := {s |
	some s in object.get(cluster.properties, ["brokerNodeGroupInfo", "clientSubnets"], [])
	is_string(s)
} | {urn | some urn in object.get(cluster, ["propertyDependencies", "brokerNodeGroupInfo"], [])}

# The types this rule's stack_deny reads: the stack query carries only the resources of the
# types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:ec2/subnet:Subnet",
	"aws:msk/cluster:Cluster",
})
