package aws.redshift.cluster_audit_logging

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: Redshift clusters keep audit logs
# description: |
#   Without audit logging, a cluster records no connection log (who connected, from
#   where, whether authentication failed) and no user activity log: data pulled out by a
#   stolen credential leaves no trace. Each cluster of the stack needs an
#   aws.redshift.Logging whose clusterIdentifier is it (found through its
#   propertyDependencies or, once deployed, the identifier), delivering to S3 or CloudWatch
#   Logs. A logging resource whose cluster is unknown and untraceable could cover any
#   cluster, so nothing is reported then.
# scope: document
# custom:
#   id: aws-redshift-cluster-audit-logging
#   severity: medium
#   concern: logging
#   remediation: Add aws.redshift.Logging(cluster_identifier=cluster.cluster_identifier, log_destination_type="cloudwatch", log_exports=["connectionlog", "userlog", "useractivitylog"]) for each cluster.
#   compliance:
#     fsbp: ["Redshift.4"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
stack_deny contains {"urn": cluster.urn, "message": msg} if {
	not stack.untraceable(loggings, "clusterIdentifier")
	some cluster in stack.of_type("aws:redshift/cluster:Cluster")
	not stack.referenced(cluster, ["clusterIdentifier", "id"], logged)
	msg := sprintf("Redshift cluster %q keeps no audit logs: add an aws.redshift.Logging for it (S3 or CloudWatch Logs).", [cluster.name])
}

loggings := stack.of_type("aws:redshift/logging:Logging")

# Identifiers and URNs of the clusters some logging resource covers (built once).
logged := stack.targets(loggings, "clusterIdentifier")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:redshift/cluster:Cluster",
	"aws:redshift/logging:Logging",
})
