package aws.rds.instance_backup_retention

import data.lib.pulumi

# METADATA
# title: RDS DB instances keep automated backups for at least seven days
# description: |
#   backupRetentionPeriod 0 turns automated backups and point-in-time restore off; a short
#   period (AWS uses 1 day when none is given) loses the history needed to restore from
#   before a corruption that went unnoticed for a few days. The instance must keep backups
#   at least 7 days. Aurora instances (the cluster keeps the backups), read replicas and
#   unknown settings are not judged.
# scope: document
# custom:
#   id: aws-rds-instance-backup-retention
#   severity: medium
#   concern: iam
#   remediation: 'Set backup_retention_period=7 (or more) on aws.rds.Instance.'
#   compliance:
#     fsbp: ["RDS.11"]
#     nist-800-53: ["CP-9", "CP-10"]
deny contains msg if {
	input.type in resource_types
	not startswith(object.get(input.properties, "engine", ""), "aurora")
	pulumi.absent(input.properties, "replicateSourceDb")
	not pulumi.unknown(input.properties, "backupRetentionPeriod")
	object.get(input.properties, "backupRetentionPeriod", 1) < 7
	msg := sprintf("RDS DB instance %q keeps automated backups for less than 7 days: set backupRetentionPeriod to 7 or more.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})
