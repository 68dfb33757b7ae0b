package aws.dynamodb.table_point_in_time_recovery

import data.lib.pulumi

# METADATA
# title: DynamoDB tables keep point-in-time recovery
# description: |
#   Without pointInTimeRecovery.enabled, a table overwritten or emptied by a faulty
#   deployment, a bug or a compromised role can only be restored from whatever on-demand
#   backup happens to exist. Point-in-time recovery keeps continuous backups for up to 35
#   days. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-dynamodb-table-point-in-time-recovery
#   severity: medium
#   concern: iam
#   remediation: Set point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True) on aws.dynamodb.Table.
#   compliance:
#     fsbp: ["DynamoDB.2"]
#     nist-800-53: ["CP-9", "CP-10"]
deny contains msg if {
	input.type in resource_types
	pitr := object.get(input.properties, "pointInTimeRecovery", {})
	not pulumi.is_unknown(pitr)
	pulumi.is_false(pitr, "enabled")
	msg := sprintf("DynamoDB table %q has no point-in-time recovery: set pointInTimeRecovery.enabled to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:dynamodb/table:Table"})
