package aws.redshift.cluster_tls_parameter_group_test

import data.aws.redshift.cluster_tls_parameter_group as rule

cluster(props) := {
	"type": "aws:redshift/cluster:Cluster",
	"urn": "urn:pulumi:prod::api::aws:redshift/cluster:Cluster::warehouse",
	"name": "warehouse",
	"properties": object.union({"clusterIdentifier": "warehouse", "nodeType": "ra3.xlplus", "clusterType": "single-node"}, props),
}

test_flags_cluster_on_default_group if {
	count(rule.deny) == 1 with input as cluster({})
	count(rule.deny) == 1 with input as cluster({"clusterParameterGroupName": "default.redshift-2.0"})
}

test_passes_own_parameter_group if {
	count(rule.deny) == 0 with input as cluster({"clusterParameterGroupName": "require-ssl"})
}

test_unknown_group_is_not_reported if {
	count(rule.deny) == 0 with input as cluster({"clusterParameterGroupName": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
