package aws.rds.instance_auto_minor_version_upgrade

import data.lib.pulumi

# METADATA
# title: RDS DB instances take minor engine upgrades automatically
# description: |
#   autoMinorVersionUpgrade false keeps the database on its current minor engine version
#   even when RDS ships one with security fixes. Leave it true (the default). An unknown
#   setting is not judged.
# scope: document
# custom:
#   id: aws-rds-instance-auto-minor-version-upgrade
#   severity: medium
#   concern: network
#   remediation: 'Remove auto_minor_version_upgrade=False from aws.rds.Instance.'
#   compliance:
#     fsbp: ["RDS.13"]
#     nist-800-53: ["SI-2"]
deny contains msg if {
	input.type in resource_types
	input.properties.autoMinorVersionUpgrade == false
	msg := sprintf("RDS DB instance %q does not take minor engine upgrades: set autoMinorVersionUpgrade to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})
