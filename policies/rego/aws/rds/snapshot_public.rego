package aws.rds.snapshot_public

import data.lib.pulumi

# METADATA
# title: RDS snapshots are not shared publicly
# description: |
#   A DB or cluster snapshot whose sharedAccounts include all can be copied and restored
#   by any AWS account: the whole database, every row and password hash, is public. Share
#   snapshots with named account ids only. Unknown lists are not judged.
# scope: document
# custom:
#   id: aws-rds-snapshot-public
#   severity: critical
#   concern: iam
#   remediation: 'Remove "all" from shared_accounts of aws.rds.Snapshot or aws.rds.ClusterSnapshot; list the account ids that need it.'
#   compliance:
#     fsbp: ["RDS.1"]
#     nist-800-53: ["AC-3", "AC-21"]
#     pci-dss: ["1.4.4"]
deny contains msg if {
	input.type in resource_types
	some account in object.get(input.properties, "sharedAccounts", [])
	lower(account) == "all"
	msg := sprintf("RDS snapshot %q is shared with all AWS accounts: share it with named account ids only.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/snapshot:Snapshot", "aws:rds/clusterSnapshot:ClusterSnapshot"})
