package aws.rds.cluster_backtracking

import data.lib.pulumi

# METADATA
# title: Aurora MySQL clusters can backtrack
# description: |
#   Backtracking rewinds an Aurora MySQL cluster to a point in time within minutes,
#   without restoring a copy: the way back from a destructive statement or a bad
#   migration. backtrackWindow must be set (seconds, up to 72 hours). Other engines, and
#   unknown settings, are not judged.
# scope: document
# custom:
#   id: aws-rds-cluster-backtracking
#   severity: low
#   concern: iam
#   remediation: 'Set backtrack_window=86400 (24 hours) on aws.rds.Cluster with engine aurora-mysql.'
#   compliance:
#     fsbp: ["RDS.14"]
#     nist-800-53: ["CP-10"]
deny contains msg if {
	input.type in resource_types
	object.get(input.properties, "engine", "") in {"aurora", "aurora-mysql"}
	not pulumi.unknown(input.properties, "backtrackWindow")
	object.get(input.properties, "backtrackWindow", 0) == 0
	msg := sprintf("Aurora MySQL cluster %q cannot backtrack: set backtrackWindow (e.g. 86400 seconds).", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/cluster:Cluster"})
