package aws.rds.cluster_final_snapshot_test

import data.aws.rds.cluster_final_snapshot as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

database(props) := {
	"type": "aws:rds/cluster:Cluster",
	"urn": "urn:pulumi:prod::api::aws:rds/cluster:Cluster::orders-db",
	"name": "orders-db",
	"properties": object.union({"engine": "aurora-postgresql", "masterUsername": "postgres", "manageMasterUserPassword": true}, props),
}

test_flags_skipped_final_snapshot if {
	count(rule.deny) == 1 with input as database({"skipFinalSnapshot": true})
}

test_passes_final_snapshot if {
	count(rule.deny) == 0 with input as database({"skipFinalSnapshot": false, "finalSnapshotIdentifier": "orders-db-final"})
	count(rule.deny) == 0 with input as database({})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as database({"skipFinalSnapshot": unknown})
}
