package aws.redshift.cluster_enhanced_vpc_routing

import data.lib.pulumi

# METADATA
# title: Redshift clusters route COPY and UNLOAD traffic through the VPC
# description: |
#   Without enhancedVpcRouting, COPY and UNLOAD traffic to S3 and other services leaves
#   the VPC over the internet path, past the VPC's endpoints, endpoint policies, flow logs
#   and network ACLs. enhancedVpcRouting must be true. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-redshift-cluster-enhanced-vpc-routing
#   severity: medium
#   concern: network
#   remediation: 'Set enhanced_vpc_routing=True on aws.redshift.Cluster, with an S3 gateway endpoint in its VPC.'
#   compliance:
#     fsbp: ["Redshift.7"]
#     nist-800-53: ["AC-4", "SC-7"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "enhancedVpcRouting")
	msg := sprintf("Redshift cluster %q sends COPY and UNLOAD traffic outside the VPC: set enhancedVpcRouting to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:redshift/cluster:Cluster"})
