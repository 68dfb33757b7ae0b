package aws.redshift.cluster_public_access_test

import data.aws.redshift.cluster_public_access as rule

cluster(props) := {
	"type": "aws:redshift/cluster:Cluster",
	"urn": "urn:pulumi:prod::api::aws:redshift/cluster:Cluster::warehouse",
	"name": "warehouse",
	"properties": object.union({"clusterIdentifier": "warehouse", "nodeType": "ra3.xlplus", "clusterType": "single-node"}, props),
}

test_flags_public_cluster if {
	count(rule.deny) == 1 with input as cluster({"publiclyAccessible": true})
}

test_passes_private_cluster if {
	count(rule.deny) == 0 with input as cluster({"publiclyAccessible": false})
	count(rule.deny) == 0 with input as cluster({})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as cluster({"publiclyAccessible": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
