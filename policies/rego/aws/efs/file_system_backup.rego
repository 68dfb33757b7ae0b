package aws.efs.file_system_backup

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: EFS file systems are backed up automatically
# description: |
#   A file system without automatic backups can only be restored from whatever copy
#   someone made: a deletion, an overwrite or ransomware on a mounted client loses the data.
#   Each file system of the stack needs an aws.efs.BackupPolicy whose fileSystemId is it with
#   backupPolicy.status ENABLED (daily AWS Backup backups kept 35 days); file systems AWS
#   Backup plans select elsewhere are not visible to a program, so exempt them with that
#   reason. A backup policy whose file system is unknown and untraceable could cover any
#   file system, so nothing is reported then.
# scope: document
# custom:
#   id: aws-efs-file-system-backup
#   severity: low
#   concern: iam
#   remediation: Add aws.efs.BackupPolicy(file_system_id=fs.id, backup_policy=aws.efs.BackupPolicyBackupPolicyArgs(status="ENABLED")).
#   compliance:
#     fsbp: ["EFS.2"]
#     nist-800-53: ["CP-9", "CP-10"]
stack_deny contains {"urn": fs.urn, "message": msg} if {
	not stack.untraceable(enabled_policies, "fileSystemId")
	some fs in stack.of_type("aws:efs/fileSystem:FileSystem")
	not stack.referenced(fs, ["id"], covered)
	msg := sprintf("EFS file system %q is not backed up automatically: add an aws.efs.BackupPolicy with status ENABLED.", [fs.name])
}

enabled_policies := [p |
	some p in stack.of_type("aws:efs/backupPolicy:BackupPolicy")
	object.get(p.properties, ["backupPolicy", "status"], "") != "DISABLED"
]

covered := stack.targets(enabled_policies, "fileSystemId")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:efs/backupPolicy:BackupPolicy",
	"aws:efs/fileSystem:FileSystem",
})
