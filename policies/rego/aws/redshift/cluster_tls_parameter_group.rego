package aws.redshift.cluster_tls_parameter_group

import data.lib.pulumi

# METADATA
# title: Redshift clusters use a parameter group of their own
# description: |
#   A cluster without clusterParameterGroupName (or naming a default.* group) runs with
#   the default parameter group, whose require_ssl is false and cannot be changed:
#   clients may connect in clear text. The cluster must name a parameter group of its
#   own, which aws-redshift-parameter-group-require-ssl checks for require_ssl true.
# scope: document
# custom:
#   id: aws-redshift-cluster-tls-parameter-group
#   severity: high
#   concern: https
#   remediation: Create an aws.redshift.ParameterGroup with parameters=[aws.redshift.ParameterGroupParameterArgs(name="require_ssl", value="true")] and set cluster_parameter_group_name=group.name on aws.redshift.Cluster.
#   compliance:
#     fsbp: ["Redshift.2"]
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	input.type in resource_types
	default_group(input.properties)
	msg := sprintf(
		"Redshift cluster %q uses the default parameter group, which lets clients connect without TLS: set clusterParameterGroupName to a parameter group with require_ssl \"true\".",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:redshift/cluster:Cluster"})

default_group(props) if pulumi.absent(props, "clusterParameterGroupName")

default_group(props) if {
	is_string(props.clusterParameterGroupName)
	startswith(props.clusterParameterGroupName, "default.")
}
