package aws.dynamodb.table_deletion_protection

import data.lib.pulumi

# METADATA
# title: DynamoDB tables are protected against deletion
# description: |
#   Without deletionProtectionEnabled, one mistaken `pulumi destroy`, a replacement forced
#   by a changed key schema or a stolen credential with dynamodb:DeleteTable removes the
#   table and its items. deletionProtectionEnabled must be true (it defaults to false).
#   An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-dynamodb-table-deletion-protection
#   severity: low
#   concern: iam
#   remediation: Set deletion_protection_enabled=True on aws.dynamodb.Table.
#   compliance:
#     fsbp: ["DynamoDB.6"]
#     nist-800-53: ["CP-9", "SI-12"]
deny contains msg if {
	input.type in resource_types
	pulumi.is_false(input.properties, "deletionProtectionEnabled")
	msg := sprintf("DynamoDB table %q can be deleted by a single call: set deletionProtectionEnabled to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:dynamodb/table:Table"})
