package aws.rds.instance_enhanced_monitoring

import data.lib.pulumi

# METADATA
# title: RDS DB instances have enhanced monitoring
# description: |
#   Without enhanced monitoring (monitoringInterval 0, the default), an instance reports
#   only hypervisor-level metrics: the processes, memory and disk I/O inside it that show
#   a runaway query or an intrusion are not collected. monitoringInterval must be 1, 5,
#   10, 15, 30 or 60 seconds, with a monitoringRoleArn. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-rds-instance-enhanced-monitoring
#   severity: low
#   concern: logging
#   remediation: 'Set monitoring_interval=60 and monitoring_role_arn to a role with AmazonRDSEnhancedMonitoringRole on aws.rds.Instance.'
#   compliance:
#     fsbp: ["RDS.6"]
#     nist-800-53: ["AU-12", "SI-4"]
deny contains msg if {
	input.type in resource_types
	not pulumi.unknown(input.properties, "monitoringInterval")
	object.get(input.properties, "monitoringInterval", 0) == 0
	msg := sprintf("RDS DB instance %q has no enhanced monitoring: set monitoringInterval (e.g. 60) and a monitoringRoleArn.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})
