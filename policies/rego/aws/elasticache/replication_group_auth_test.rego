package aws.elasticache.replication_group_auth_test

import data.aws.elasticache.replication_group_auth as rule

group(props) := {
	"type": "aws:elasticache/replicationGroup:ReplicationGroup",
	"urn": "urn:pulumi:prod::api::aws:elasticache/replicationGroup:ReplicationGroup::sessions",
	"name": "sessions",
	"properties": object.union({"description": "sessions", "engine": "redis", "transitEncryptionEnabled": true}, props),
}

test_flags_group_without_auth if {
	count(rule.deny) == 1 with input as group({})
}

test_flags_empty_user_groups if {
	count(rule.deny) == 1 with input as group({"userGroupIds": []})
}

test_passes_rbac_user_group if {
	count(rule.deny) == 0 with input as group({"userGroupIds": ["sessions-users"]})
}

test_passes_auth_token_secret if {
	count(rule.deny) == 0 with input as group({"authToken": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:abc"}})
}

test_skips_global_datastore_secondary if {
	count(rule.deny) == 0 with input as group({"globalReplicationGroupId": "ldgnf-sessions"})
}

test_unknown_user_group_is_not_reported if {
	count(rule.deny) == 0 with input as group({"userGroupIds": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
