package aws.efs.file_system_backup_test

import data.aws.efs.file_system_backup as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

fs_urn := "urn:pulumi:prod::app::aws:efs/fileSystem:FileSystem::shared"

fs := {"type": "aws:efs/fileSystem:FileSystem", "urn": fs_urn, "name": "shared", "properties": {"encrypted": true, "id": "fs-0a1b2c"}}

policy(status, props, deps) := {"type": "aws:efs/backupPolicy:BackupPolicy", "urn": "urn:pulumi:prod::app::aws:efs/backupPolicy:BackupPolicy::shared", "name": "shared", "properties": object.union({"backupPolicy": {"status": status}}, props), "propertyDependencies": deps}

test_flags_file_system_without_backups if {
	findings := rule.stack_deny with input as {"resources": [fs]}
	count(findings) == 1
	some f in findings
	f.urn == fs_urn
	count(rule.stack_deny) == 1 with input as {"resources": [fs, policy("DISABLED", {"fileSystemId": "fs-0a1b2c"}, {})]}
}

test_passes_backed_up_file_system if {
	count(rule.stack_deny) == 0 with input as {"resources": [fs, policy("ENABLED", {"fileSystemId": unknown}, {"fileSystemId": [fs_urn]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [fs, policy("ENABLED", {"fileSystemId": "fs-0a1b2c"}, {})]}
}

test_untraceable_unknown_file_system_is_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [fs, policy("ENABLED", {"fileSystemId": unknown}, {})]}
}
