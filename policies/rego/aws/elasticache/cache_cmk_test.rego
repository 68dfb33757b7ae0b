package aws.elasticache.cache_cmk_test

import data.aws.elasticache.cache_cmk as rule

group(props) := {
	"type": "aws:elasticache/replicationGroup:ReplicationGroup",
	"urn": "urn:pulumi:prod::api::aws:elasticache/replicationGroup:ReplicationGroup::sessions",
	"name": "sessions",
	"properties": object.union({"description": "sessions", "engine": "redis"}, props),
}

serverless(props) := {
	"type": "aws:elasticache/serverlessCache:ServerlessCache",
	"urn": "urn:pulumi:prod::api::aws:elasticache/serverlessCache:ServerlessCache::catalog",
	"name": "catalog",
	"properties": object.union({"engine": "valkey", "majorEngineVersion": "8"}, props),
}

key_arn := "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

test_flags_encrypted_group_without_key if {
	count(rule.deny) == 1 with input as group({"atRestEncryptionEnabled": true})
}

test_flags_valkey_default_encryption_without_key if {
	count(rule.deny) == 1 with input as group({"engine": "valkey"})
}

test_flags_serverless_cache_without_key if {
	count(rule.deny) == 1 with input as serverless({})
}

test_passes_customer_managed_keys if {
	count(rule.deny) == 0 with input as group({"atRestEncryptionEnabled": true, "kmsKeyId": key_arn})
	count(rule.deny) == 0 with input as serverless({"kmsKeyId": key_arn})
}

test_leaves_unencrypted_group_to_at_rest_rule if {
	count(rule.deny) == 0 with input as group({})
}

test_profile_can_accept_service_key if {
	count(rule.deny) == 0 with input as object.union(
		serverless({}),
		{"config": {"aws-elasticache-cache-cmk": {"requireCustomerManagedKey": false}}},
	)
}

test_unknown_key_is_not_reported if {
	count(rule.deny) == 0 with input as serverless({"kmsKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
