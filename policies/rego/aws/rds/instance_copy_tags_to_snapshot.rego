package aws.rds.instance_copy_tags_to_snapshot

import data.lib.pulumi

# METADATA
# title: RDS DB instances copy their tags to snapshots
# description: |
#   Without copyTagsToSnapshot, snapshots lose the tags that say what data they hold, who
#   owns them and which tag-based IAM conditions protect them: they end up kept forever,
#   shared or deleted by mistake. copyTagsToSnapshot must be true. Aurora instances (the
#   cluster decides) and unknown settings are not judged.
# scope: document
# custom:
#   id: aws-rds-instance-copy-tags-to-snapshot
#   severity: low
#   concern: iam
#   remediation: 'Set copy_tags_to_snapshot=True on aws.rds.Instance.'
#   compliance:
#     fsbp: ["RDS.17"]
#     nist-800-53: ["CM-8"]
deny contains msg if {
	input.type in resource_types
	not startswith(object.get(input.properties, "engine", ""), "aurora")
	pulumi.is_false(input.properties, "copyTagsToSnapshot")
	msg := sprintf("RDS DB instance %q does not copy its tags to snapshots: set copyTagsToSnapshot to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})
