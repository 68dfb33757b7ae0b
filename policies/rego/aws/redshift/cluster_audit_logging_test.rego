package aws.redshift.cluster_audit_logging_test

import data.aws.redshift.cluster_audit_logging as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

cluster_urn := "urn:pulumi:prod::dw::aws:redshift/cluster:Cluster::warehouse"

cluster := {"type": "aws:redshift/cluster:Cluster", "urn": cluster_urn, "name": "warehouse", "properties": {"clusterIdentifier": "warehouse", "nodeType": "ra3.xlplus"}}

logging(props, deps) := {
	"type": "aws:redshift/logging:Logging",
	"urn": "urn:pulumi:prod::dw::aws:redshift/logging:Logging::warehouse",
	"name": "warehouse",
	"properties": object.union({"logDestinationType": "cloudwatch", "logExports": ["connectionlog", "userlog", "useractivitylog"]}, props),
	"propertyDependencies": deps,
}

test_flags_cluster_without_audit_logging if {
	findings := rule.stack_deny with input as {"resources": [cluster]}
	count(findings) == 1
	some f in findings
	f.urn == cluster_urn
	count(rule.stack_deny) == 1 with input as {"resources": [cluster, logging({"clusterIdentifier": "other"}, {})]}
}

test_passes_cluster_with_audit_logging if {
	count(rule.stack_deny) == 0 with input as {"resources": [cluster, logging({"clusterIdentifier": unknown}, {"clusterIdentifier": [cluster_urn]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [cluster, logging({"clusterIdentifier": "warehouse"}, {})]}
}

test_untraceable_unknown_cluster_is_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [cluster, logging({"clusterIdentifier": unknown}, {})]}
}
