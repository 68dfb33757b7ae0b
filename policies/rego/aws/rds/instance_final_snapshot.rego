package aws.rds.instance_final_snapshot

import data.lib.pulumi

# METADATA
# title: RDS DB instances keep a final snapshot when deleted
# description: |
#   skipFinalSnapshot true deletes the database's data together with the database: a
#   replacement, a `pulumi destroy` or an accidental removal from the program leaves
#   nothing to restore (automated backups go with the database unless retained).
#   skipFinalSnapshot must be false with a finalSnapshotIdentifier (the provider refuses
#   to delete without one). An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-rds-instance-final-snapshot
#   severity: low
#   concern: iam
#   remediation: Set skip_final_snapshot=False and final_snapshot_identifier="orders-db-final" on aws.rds.Instance.
#   compliance:
#     nist-800-53: ["CP-9"]
deny contains msg if {
	input.type in resource_types
	input.properties.skipFinalSnapshot == true
	msg := sprintf("RDS DB instance %q is deleted without a final snapshot: set skipFinalSnapshot to false and a finalSnapshotIdentifier.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})
