package aws.rds.snapshot_public_test

import data.aws.rds.snapshot_public as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:rds/snapshot:Snapshot",
	"urn": "urn:pulumi:prod::app::aws:rds/snapshot:Snapshot::main",
	"name": "main",
	"properties": object.union({"dbInstanceIdentifier": "orders-db", "dbSnapshotIdentifier": "orders-2026-12-01"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"sharedAccounts": ["all"]})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
	count(rule.deny) == 0 with input as resource({"sharedAccounts": ["111122223333"]})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"sharedAccounts": unknown})
}
