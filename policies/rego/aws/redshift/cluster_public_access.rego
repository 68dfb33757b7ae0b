package aws.redshift.cluster_public_access

import data.lib.pulumi

# METADATA
# title: Redshift clusters are not publicly accessible
# description: |
#   A cluster with publiclyAccessible true gets a public endpoint: its port is reachable
#   from the internet wherever security groups and routes allow, and only the database
#   credentials stand in the way of the warehouse's data.
# scope: document
# custom:
#   id: aws-redshift-cluster-public-access
#   severity: critical
#   concern: network
#   remediation: Set publicly_accessible=False on aws.redshift.Cluster (the provider default) with a cluster_subnet_group_name of private subnets.
#   compliance:
#     fsbp: ["Redshift.1"]
#     nist-800-53: ["AC-4", "SC-7"]
#     pci-dss: ["1.4.4"]
deny contains msg if {
	input.type in resource_types
	input.properties.publiclyAccessible == true
	msg := sprintf(
		"Redshift cluster %q is publicly accessible: set publiclyAccessible to false and keep it in private subnets.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:redshift/cluster:Cluster"})
