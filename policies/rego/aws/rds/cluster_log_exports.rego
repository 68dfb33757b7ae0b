package aws.rds.cluster_log_exports

import data.lib.pulumi

# METADATA
# title: Aurora and Multi-AZ DB clusters publish their database logs to CloudWatch Logs
# description: |
#   Without enabledCloudwatchLogsExports, a cluster's audit, error or postgresql logs stay
#   in RDS, rotate away and cannot be searched, alarmed on or kept: failed logins and
#   suspicious queries go unseen. The cluster must export at least one log type (audit for
#   Aurora MySQL, postgresql for Aurora PostgreSQL). An unknown list is not judged.
# scope: document
# custom:
#   id: aws-rds-cluster-log-exports
#   severity: medium
#   concern: logging
#   remediation: Set enabled_cloudwatch_logs_exports on aws.rds.Cluster, e.g. ["postgresql"] for Aurora PostgreSQL or ["audit", "error", "slowquery"] for Aurora MySQL (with server_audit_logging on in its parameter group).
#   compliance:
#     fsbp: ["RDS.34", "RDS.37"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	input.type in resource_types
	not pulumi.unknown(input.properties, "enabledCloudwatchLogsExports")
	count(object.get(input.properties, "enabledCloudwatchLogsExports", [])) == 0
	msg := sprintf("RDS DB cluster %q does not publish its database logs to CloudWatch Logs: set enabledCloudwatchLogsExports.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/cluster:Cluster"})
