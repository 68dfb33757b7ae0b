package aws.secretsmanager.secret_cmk_test

import data.aws.secretsmanager.secret_cmk

secret(props) := {
	"type": "aws:secretsmanager/secret:Secret",
	"urn": "urn:pulumi:prod::api::aws:secretsmanager/secret:Secret::db-credentials",
	"name": "db-credentials",
	"properties": props,
}

test_flags_secret_without_key if {
	count(secret_cmk.deny) == 1 with input as secret({"name": "prod/db", "description": "database credentials", "recoveryWindowInDays": 30})
}

test_flags_null_key if {
	count(secret_cmk.deny) == 1 with input as secret({"name": "prod/db", "kmsKeyId": null})
}

test_flags_aws_managed_alias if {
	count(secret_cmk.deny) == 1 with input as secret({"name": "prod/db", "kmsKeyId": "alias/aws/secretsmanager"})
}

test_flags_aws_managed_alias_arn if {
	count(secret_cmk.deny) == 1 with input as secret({"kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:alias/aws/secretsmanager"})
}

test_passes_customer_managed_key if {
	count(secret_cmk.deny) == 0 with input as secret({
		"name": "prod/db",
		"kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12",
	})
}

test_passes_customer_alias if {
	count(secret_cmk.deny) == 0 with input as secret({"kmsKeyId": "alias/secrets"})
}

test_unknown_key_is_not_reported if {
	count(secret_cmk.deny) == 0 with input as secret({"name": "prod/db", "kmsKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(secret_cmk.deny) == 0 with input as {"type": "aws:secretsmanager/secretVersion:SecretVersion", "name": "v", "properties": {}}
}

test_flags_empty_key if {
	count(secret_cmk.deny) == 1 with input as secret({"name": "prod/db", "kmsKeyId": ""})
}
