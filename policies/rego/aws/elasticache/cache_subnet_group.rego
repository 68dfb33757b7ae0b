package aws.elasticache.cache_subnet_group

import data.lib.pulumi

# METADATA
# title: ElastiCache caches use their own subnet group, not the default one
# description: |
#   Without subnetGroupName, a cache is placed in the default subnet group, made of the
#   default VPC's subnets, which are public (they assign public IPs and route to an
#   internet gateway). A cache belongs in a subnet group of private subnets. A cluster
#   that joins a replication group takes the group's subnets and is not judged; an unknown
#   group is not judged either.
# scope: document
# custom:
#   id: aws-elasticache-cache-subnet-group
#   severity: medium
#   concern: network
#   remediation: 'Create an aws.elasticache.SubnetGroup of private subnets and set subnet_group_name to it.'
#   compliance:
#     fsbp: ["ElastiCache.7"]
#     nist-800-53: ["AC-4", "SC-7"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "replicationGroupId")
	pulumi.absent(input.properties, "subnetGroupName")
	msg := sprintf("ElastiCache %q uses the default subnet group (the default VPC's public subnets): set subnetGroupName to a group of private subnets.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/cluster:Cluster"})
