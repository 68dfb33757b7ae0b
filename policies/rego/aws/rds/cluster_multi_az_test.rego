package aws.rds.cluster_multi_az_test

import data.aws.rds.cluster_multi_az as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

cluster_urn := "urn:pulumi:prod::api::aws:rds/cluster:Cluster::orders"

cluster(props) := {"type": "aws:rds/cluster:Cluster", "urn": cluster_urn, "name": "orders", "properties": object.union({"engine": "aurora-postgresql", "clusterIdentifier": "orders"}, props)}

instance(n, props, deps) := {"type": "aws:rds/clusterInstance:ClusterInstance", "urn": sprintf("urn:pulumi:prod::api::aws:rds/clusterInstance:ClusterInstance::orders-%d", [n]), "name": sprintf("orders-%d", [n]), "properties": object.union({"instanceClass": "db.r6g.large", "engine": "aurora-postgresql"}, props), "propertyDependencies": deps}

test_flags_single_instance_cluster if {
	findings := rule.stack_deny with input as {"resources": [cluster({}), instance(1, {"clusterIdentifier": "orders"}, {})]}
	count(findings) == 1
	some f in findings
	f.urn == cluster_urn
	count(rule.stack_deny) == 1 with input as {"resources": [cluster({})]}
}

test_passes_cluster_with_two_instances if {
	count(rule.stack_deny) == 0 with input as {"resources": [cluster({}), instance(1, {"clusterIdentifier": "orders"}, {}), instance(2, {"clusterIdentifier": unknown}, {"clusterIdentifier": [cluster_urn]})]}
}

test_other_cluster_kinds_are_not_judged if {
	count(rule.stack_deny) == 0 with input as {"resources": [cluster({"engineMode": "serverless"})]}
	count(rule.stack_deny) == 0 with input as {"resources": [cluster({"engine": "postgres", "dbClusterInstanceClass": "db.m6gd.large"})]}
}

test_untraceable_instances_are_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [cluster({}), instance(1, {"clusterIdentifier": unknown}, {})]}
}
