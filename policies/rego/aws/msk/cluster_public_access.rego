package aws.msk.cluster_public_access

import data.lib.pulumi

# METADATA
# title: MSK clusters are not reachable from the internet
# description: |
#   brokerNodeGroupInfo.connectivityInfo.publicAccess.type SERVICE_PROVIDED_EIPS gives
#   every broker an Elastic IP address: the Kafka listeners are then reachable from the
#   internet wherever the security groups allow, and only client authentication stands
#   in the way. Brokers belong in private subnets with public access DISABLED (the
#   default); clients outside the VPC reach them through VPC peering, Transit Gateway or
#   multi-VPC private connectivity. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-msk-cluster-public-access
#   severity: critical
#   concern: network
#   remediation: Leave broker_node_group_info.connectivity_info.public_access.type at "DISABLED" (the default) and use private subnets in client_subnets.
#   compliance:
#     fsbp: ["MSK.4"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.4.4"]
deny contains msg if {
	input.type in resource_types
	input.properties.brokerNodeGroupInfo.connectivityInfo.publicAccess.type == "SERVICE_PROVIDED_EIPS"
	msg := sprintf("MSK cluster %q gives its brokers public IP addresses: set brokerNodeGroupInfo.connectivityInfo.publicAccess.type to DISABLED.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:msk/cluster:Cluster"})
