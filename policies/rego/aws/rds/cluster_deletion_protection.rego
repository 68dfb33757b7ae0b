package aws.rds.cluster_deletion_protection

import data.lib.pulumi

# METADATA
# title: RDS DB clusters are protected against deletion
# description: |
#   Without deletionProtection, one mistaken `pulumi destroy`, a replacement forced by a
#   changed property, or a stolen credential with rds:Delete* removes the database and,
#   unless a final snapshot is kept, its data. deletionProtection must be true (it
#   defaults to false). An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-rds-cluster-deletion-protection
#   severity: medium
#   concern: iam
#   remediation: Set deletion_protection=True on aws.rds.Cluster (turn it off deliberately, in its own deployment, before deleting the database).
#   compliance:
#     fsbp: ["RDS.7"]
#     nist-800-53: ["CP-9", "SI-12"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "deletionProtection")
	msg := sprintf("RDS DB cluster %q can be deleted by a single call: set deletionProtection to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/cluster:Cluster"})
