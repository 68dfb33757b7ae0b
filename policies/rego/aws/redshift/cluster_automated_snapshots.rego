package aws.redshift.cluster_automated_snapshots

import data.lib.pulumi

# METADATA
# title: Redshift clusters take automated snapshots
# description: |
#   automatedSnapshotRetentionPeriod 0 turns automated snapshots off: a dropped table or a
#   bad load can only be recovered from a manual snapshot, if one exists. Keep at least 1
#   day (the default). An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-redshift-cluster-automated-snapshots
#   severity: medium
#   concern: iam
#   remediation: 'Remove automated_snapshot_retention_period=0 from aws.redshift.Cluster (or set 7).'
#   compliance:
#     fsbp: ["Redshift.3"]
#     nist-800-53: ["CP-9", "CP-10"]
deny contains msg if {
	input.type in resource_types
	input.properties.automatedSnapshotRetentionPeriod == 0
	msg := sprintf("Redshift cluster %q takes no automated snapshots: set automatedSnapshotRetentionPeriod to 1 or more.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:redshift/cluster:Cluster"})
