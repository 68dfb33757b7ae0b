package aws.rds.cluster_copy_tags_to_snapshot

import data.lib.pulumi

# METADATA
# title: RDS DB clusters copy their tags to snapshots
# description: |
#   Without copyTagsToSnapshot, snapshots lose the tags that say what data they hold, who
#   owns them and which tag-based IAM conditions protect them: they end up kept forever,
#   shared or deleted by mistake. copyTagsToSnapshot must be true. An unknown setting is
#   not judged.
# scope: document
# custom:
#   id: aws-rds-cluster-copy-tags-to-snapshot
#   severity: low
#   concern: iam
#   remediation: 'Set copy_tags_to_snapshot=True on aws.rds.Cluster.'
#   compliance:
#     fsbp: ["RDS.16"]
#     nist-800-53: ["CM-8"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "copyTagsToSnapshot")
	msg := sprintf("RDS DB cluster %q does not copy its tags to snapshots: set copyTagsToSnapshot to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/cluster:Cluster"})
