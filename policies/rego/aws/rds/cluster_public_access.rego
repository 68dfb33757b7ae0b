package aws.rds.cluster_public_access

import data.lib.pulumi

# METADATA
# title: RDS cluster instances are not publicly accessible
# description: |
#   An Aurora cluster instance (aws.rds.ClusterInstance), or a Multi-AZ DB cluster
#   (aws.rds.Cluster with publiclyAccessible), set publiclyAccessible true gets public
#   addresses: the database port is then reachable from the internet wherever security
#   groups and subnet routes allow, and only the database password stands in the way.
# scope: document
# custom:
#   id: aws-rds-cluster-public-access
#   severity: critical
#   concern: network
#   remediation: Set publicly_accessible=False on aws.rds.ClusterInstance and aws.rds.Cluster, with a db_subnet_group_name of private subnets.
#   compliance:
#     fsbp: ["RDS.2"]
#     cis-aws-foundations: ["2.3.3"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.4.4"]
deny contains msg if {
	some token, kind in kinds
	pulumi.is_type(input, token)
	input.properties.publiclyAccessible == true
	msg := sprintf(
		"%s %q is publicly accessible: set publiclyAccessible to false and keep it in private subnets.",
		[kind, input.name],
	)
}

resource_types := pulumi.with_aliases(object.keys(kinds))

kinds := {
	"aws:rds/clusterInstance:ClusterInstance": "RDS cluster instance",
	"aws:rds/cluster:Cluster": "RDS cluster",
}
