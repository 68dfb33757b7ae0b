package aws.rds.cluster_public_access_test

import data.aws.rds.cluster_public_access as rule

member(props) := {
	"type": "aws:rds/clusterInstance:ClusterInstance",
	"urn": "urn:pulumi:prod::api::aws:rds/clusterInstance:ClusterInstance::orders-1",
	"name": "orders-1",
	"properties": object.union({"clusterIdentifier": "orders", "engine": "aurora-postgresql", "instanceClass": "db.r6g.large"}, props),
}

cluster(props) := {
	"type": "aws:rds/cluster:Cluster",
	"urn": "urn:pulumi:prod::api::aws:rds/cluster:Cluster::orders",
	"name": "orders",
	"properties": object.union({"engine": "postgres", "dbClusterInstanceClass": "db.r6gd.large"}, props),
}

test_flags_public_cluster_instance if {
	count(rule.deny) == 1 with input as member({"publiclyAccessible": true})
}

test_flags_public_multi_az_cluster if {
	count(rule.deny) == 1 with input as cluster({"publiclyAccessible": true})
}

test_passes_private_cluster if {
	count(rule.deny) == 0 with input as member({"publiclyAccessible": false})
	count(rule.deny) == 0 with input as cluster({})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as member({"publiclyAccessible": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
