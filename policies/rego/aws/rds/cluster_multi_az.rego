package aws.rds.cluster_multi_az

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: Aurora clusters keep a replica in a second Availability Zone
# description: |
#   An Aurora cluster with a single instance has nowhere to fail over: the loss of the
#   instance or its Availability Zone stops the database until a new instance is created.
#   Each Aurora cluster of the stack needs at least two aws.rds.ClusterInstance resources
#   whose clusterIdentifier is it (Aurora places replicas across zones). Serverless v1
#   clusters (engineMode serverless), Multi-AZ DB clusters of RDS for MySQL or PostgreSQL
#   (which always have three instances) and clusters whose instances cannot be traced
#   (an unknown, untraceable clusterIdentifier) are not judged.
# scope: document
# custom:
#   id: aws-rds-cluster-multi-az
#   severity: low
#   concern: network
#   remediation: Add a second aws.rds.ClusterInstance(cluster_identifier=cluster.id, ...) to the cluster (Aurora places it in another zone), or use Aurora Serverless v2 instances.
#   compliance:
#     fsbp: ["RDS.15"]
#     nist-800-53: ["CP-10", "SC-5"]
stack_deny contains {"urn": cluster.urn, "message": msg} if {
	not stack.untraceable(instances, "clusterIdentifier")
	some cluster in stack.of_type("aws:rds/cluster:Cluster")
	startswith(object.get(cluster.properties, "engine", "aurora"), "aurora")
	not object.get(cluster.properties, "engineMode", "provisioned") == "serverless"
	not pulumi.unknown(cluster.properties, "engineMode")
	members := [i | some i in instances; stack.referenced(cluster, ["clusterIdentifier", "id"], stack.refs(i, "clusterIdentifier"))]
	count(members) < 2
	msg := sprintf("Aurora cluster %q has %d instance(s), so it cannot fail over to another Availability Zone: add a second cluster instance.", [cluster.name, count(members)])
}

instances := stack.of_type("aws:rds/clusterInstance:ClusterInstance")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:rds/cluster:Cluster",
	"aws:rds/clusterInstance:ClusterInstance",
})
