package aws.rds.snapshot_encrypted

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: RDS snapshots are taken of encrypted databases
# description: |
#   A snapshot is encrypted exactly when its source is: an aws.rds.Snapshot or
#   aws.rds.ClusterSnapshot of a database of the stack whose storageEncrypted is false (or
#   absent, the provider's default for instances and non-Aurora-Serverless clusters) copies
#   the data unencrypted, and every restore from it is unencrypted too. Sources outside the
#   stack, and sources whose encryption is unknown, are not judged.
# scope: document
# custom:
#   id: aws-rds-snapshot-encrypted
#   severity: medium
#   concern: encryption
#   remediation: Encrypt the source (storage_encrypted=True on a new instance or cluster restored from an encrypted copy, made with aws.rds.SnapshotCopy and a kms_key_id), then snapshot that.
#   compliance:
#     fsbp: ["RDS.4"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
stack_deny contains {"urn": snap.urn, "message": msg} if {
	some [snapshot_type, source_type, key, names] in kinds
	some snap in stack.of_type(snapshot_type)
	sources := stack.refs(snap, key)
	some db in stack.of_type(source_type)
	stack.referenced(db, names, sources)
	not object.get(db.properties, "storageEncrypted", false) == true
	is_boolean(object.get(db.properties, "storageEncrypted", false))
	msg := sprintf("RDS snapshot %q is taken of %q, which is not encrypted at rest, so the snapshot is not either: encrypt the source database.", [snap.name, db.name])
}

kinds := [
	["aws:rds/snapshot:Snapshot", "aws:rds/instance:Instance", "dbInstanceIdentifier", ["identifier", "id"]],
	["aws:rds/clusterSnapshot:ClusterSnapshot", "aws:rds/cluster:Cluster", "dbClusterIdentifier", ["clusterIdentifier", "id"]],
]

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:rds/cluster:Cluster",
	"aws:rds/clusterSnapshot:ClusterSnapshot",
	"aws:rds/instance:Instance",
	"aws:rds/snapshot:Snapshot",
})
