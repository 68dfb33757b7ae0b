package aws.rds.instance_log_exports

import data.lib.pulumi

# METADATA
# title: RDS DB instances publish their database logs to CloudWatch Logs
# description: |
#   Without enabledCloudwatchLogsExports, an instance's error, audit, general or slow-query
#   logs stay on the instance, rotate away within days and are read only through the RDS
#   console: failed logins and suspicious queries cannot be searched, alarmed on or kept.
#   The instance must export at least one log type (postgresql; audit or error for MySQL
#   and MariaDB; alert or audit for Oracle; error or agent for SQL Server). Aurora
#   instances take their exports from the cluster and are not judged here. An unknown
#   list is not judged.
# scope: document
# custom:
#   id: aws-rds-instance-log-exports
#   severity: medium
#   concern: logging
#   remediation: Set enabled_cloudwatch_logs_exports on aws.rds.Instance, e.g. ["postgresql", "upgrade"] for PostgreSQL or ["audit", "error", "slowquery"] for MySQL.
#   compliance:
#     fsbp: ["RDS.9", "RDS.36", "RDS.40"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	input.type in resource_types
	engine := object.get(input.properties, "engine", "")
	not startswith(engine, "aurora")
	not pulumi.unknown(input.properties, "enabledCloudwatchLogsExports")
	count(object.get(input.properties, "enabledCloudwatchLogsExports", [])) == 0
	msg := sprintf("RDS DB instance %q does not publish its database logs to CloudWatch Logs: set enabledCloudwatchLogsExports.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})
