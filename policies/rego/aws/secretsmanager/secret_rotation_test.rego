package aws.secretsmanager.secret_rotation_test

import data.aws.secretsmanager.secret_rotation

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

secret_urn := "urn:pulumi:prod::api::stackguard:security:SecretStore$aws:secretsmanager/secret:Secret::partner-token-secret"

secret_arn := "arn:aws:secretsmanager:eu-west-1:123456789012:secret:partner-token-AbC123"

rotator_arn := "arn:aws:lambda:eu-west-1:123456789012:function:partner-key-rotator"

secret(props) := {
	"type": "aws:secretsmanager/secret:Secret",
	"urn": secret_urn,
	"name": "partner-token-secret",
	"properties": object.union(
		{
			"description": "Partner API key",
			"kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
			"recoveryWindowInDays": 30,
		},
		props,
	),
	"propertyDependencies": {},
}

rotation(props, deps) := {
	"type": "aws:secretsmanager/secretRotation:SecretRotation",
	"urn": "urn:pulumi:prod::api::stackguard:security:SecretStore$aws:secretsmanager/secretRotation:SecretRotation::partner-token-rotation",
	"name": "partner-token-rotation",
	"properties": object.union(
		{
			"secretId": unknown,
			"rotationLambdaArn": rotator_arn,
			"rotationRules": {"automaticallyAfterDays": 30},
			"rotateImmediately": true,
		},
		props,
	),
	"propertyDependencies": {"secretId": deps},
}

test_flags_secret_without_rotation if {
	findings := secret_rotation.stack_deny with input as {"resources": [secret({})]}
	count(findings) == 1
	some f in findings
	f.urn == secret_urn
	contains(f.message, "partner-token-secret")
}

test_passes_rotation_through_property_dependencies if {
	r := rotation({}, [secret_urn])
	count(secret_rotation.stack_deny) == 0 with input as {"resources": [secret({}), r]}
}

test_passes_rotation_by_deployed_arn if {
	s := secret({"arn": secret_arn, "id": secret_arn})
	r := rotation({"secretId": secret_arn}, [])
	count(secret_rotation.stack_deny) == 0 with input as {"resources": [s, r]}
}

test_passes_rotation_by_secret_name if {
	s := secret({"name": "prod/partner/api-key"})
	r := rotation({"secretId": "prod/partner/api-key"}, [])
	count(secret_rotation.stack_deny) == 0 with input as {"resources": [s, r]}
}

test_flags_rotation_of_another_secret if {
	s := secret({"arn": secret_arn, "id": secret_arn, "name": "partner-token"})
	r := rotation({"secretId": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password-XyZ789"}, [])
	count(secret_rotation.stack_deny) == 1 with input as {"resources": [s, r]}
}

test_flags_rotation_turned_off if {
	r := rotation({"rotationEnabled": false}, [secret_urn])
	count(secret_rotation.stack_deny) == 1 with input as {"resources": [secret({}), r]}
}

test_passes_rotation_explicitly_enabled if {
	r := rotation({"rotationEnabled": true}, [secret_urn])
	count(secret_rotation.stack_deny) == 0 with input as {"resources": [secret({}), r]}
}

test_unknown_rotation_enabled_is_not_reported if {
	r := rotation({"rotationEnabled": unknown}, [secret_urn])
	count(secret_rotation.stack_deny) == 0 with input as {"resources": [secret({}), r]}
}

test_untraceable_unknown_rotation_is_not_reported if {
	count(secret_rotation.stack_deny) == 0 with input as {"resources": [secret({}), rotation({}, [])]}
}

test_unknown_secret_id_of_a_disabled_rotation_still_reports if {
	r := rotation({"rotationEnabled": false}, [])
	count(secret_rotation.stack_deny) == 1 with input as {"resources": [secret({}), r]}
}

test_each_unrotated_secret_is_reported if {
	other_urn := "urn:pulumi:prod::api::aws:secretsmanager/secret:Secret::db-password"
	other := object.union(secret({}), {"urn": other_urn, "name": "db-password"})
	findings := secret_rotation.stack_deny with input as {"resources": [secret({}), other, rotation({}, [secret_urn])]}
	count(findings) == 1
	some f in findings
	f.urn == other_urn
}

test_message_does_not_quote_values if {
	s := secret({"arn": secret_arn})
	some f in secret_rotation.stack_deny with input as {"resources": [s]}
	not contains(f.message, secret_arn)
	not contains(f.message, "kms")
}

test_no_secrets_no_findings if {
	count(secret_rotation.stack_deny) == 0 with input as {"resources": [rotation({}, [secret_urn])]}
}

test_flags_rotation_period_beyond_90_days if {
	r := rotation({"rotationRules": {"automaticallyAfterDays": 365}}, [secret_urn])
	findings := secret_rotation.stack_deny with input as {"resources": [secret({}), r]}
	count(findings) == 1
	some f in findings
	f.urn == r.urn
	contains(f.message, "every 365 days")
}

test_passes_rotation_within_90_days if {
	r := rotation({"rotationRules": {"automaticallyAfterDays": 90}}, [secret_urn])
	count(secret_rotation.stack_deny) == 0 with input as {"resources": [secret({}), r]}
}

test_config_sets_the_maximum_period if {
	r := rotation({"rotationRules": {"automaticallyAfterDays": 60}}, [secret_urn])
	config := {"aws-secretsmanager-secret-rotation": {"maximumDays": 30}}
	count(secret_rotation.stack_deny) == 1 with input as {"resources": [secret({}), r], "config": config}
}
