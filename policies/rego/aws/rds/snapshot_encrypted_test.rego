package aws.rds.snapshot_encrypted_test

import data.aws.rds.snapshot_encrypted as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

db_urn := "urn:pulumi:prod::api::aws:rds/instance:Instance::orders"

db(props) := {"type": "aws:rds/instance:Instance", "urn": db_urn, "name": "orders", "properties": object.union({"identifier": "orders", "engine": "postgres"}, props)}

snapshot(props, deps) := {"type": "aws:rds/snapshot:Snapshot", "urn": "urn:pulumi:prod::api::aws:rds/snapshot:Snapshot::orders-snap", "name": "orders-snap", "properties": object.union({"dbSnapshotIdentifier": "orders-snap"}, props), "propertyDependencies": deps}

test_flags_snapshot_of_unencrypted_instance if {
	count(rule.stack_deny) == 1 with input as {"resources": [db({}), snapshot({"dbInstanceIdentifier": unknown}, {"dbInstanceIdentifier": [db_urn]})]}
	count(rule.stack_deny) == 1 with input as {"resources": [db({"storageEncrypted": false}), snapshot({"dbInstanceIdentifier": "orders"}, {})]}
}

test_flags_cluster_snapshot_of_unencrypted_cluster if {
	cluster := {"type": "aws:rds/cluster:Cluster", "urn": "urn:pulumi:prod::api::aws:rds/cluster:Cluster::c", "name": "c", "properties": {"clusterIdentifier": "c", "engine": "aurora-mysql"}}
	snap := {"type": "aws:rds/clusterSnapshot:ClusterSnapshot", "urn": "urn:pulumi:prod::api::aws:rds/clusterSnapshot:ClusterSnapshot::c-snap", "name": "c-snap", "properties": {"dbClusterIdentifier": "c", "dbClusterSnapshotIdentifier": "c-snap"}}
	count(rule.stack_deny) == 1 with input as {"resources": [cluster, snap]}
}

test_passes_snapshot_of_encrypted_instance if {
	count(rule.stack_deny) == 0 with input as {"resources": [db({"storageEncrypted": true}), snapshot({"dbInstanceIdentifier": "orders"}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [db({}), snapshot({"dbInstanceIdentifier": "elsewhere"}, {})]}
}

test_unknown_encryption_is_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [db({"storageEncrypted": unknown}), snapshot({"dbInstanceIdentifier": "orders"}, {})]}
}
