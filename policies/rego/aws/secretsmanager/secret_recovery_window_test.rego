package aws.secretsmanager.secret_recovery_window_test

import data.aws.secretsmanager.secret_recovery_window

rule_id := "aws-secretsmanager-secret-recovery-window"

key_arn := "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

# The secret stackguard.components.SecretStore registers by default.
secret(props) := {
	"type": "aws:secretsmanager/secret:Secret",
	"urn": "urn:pulumi:prod::api::stackguard:security:SecretStore$aws:secretsmanager/secret:Secret::token-secret",
	"name": "token-secret",
	"properties": object.union(
		{"description": "Secret token", "kmsKeyId": key_arn, "recoveryWindowInDays": 30, "tags": {}},
		props,
	),
}

configured(resource, minimum) := object.union(resource, {"config": {rule_id: {"minimumDays": minimum}}})

test_flags_lowered_recovery_window if {
	# SecretStore(recovery_window_in_days=7)
	msgs := secret_recovery_window.deny with input as secret({"recoveryWindowInDays": 7, "name": "orders/token"})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "\"token-secret\"")
	contains(msg, "only 7 days")
	contains(msg, "at least 30")
}

test_flags_force_delete if {
	msgs := secret_recovery_window.deny with input as secret({"recoveryWindowInDays": 0})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "without a recovery window")
}

test_flags_force_delete_whatever_the_minimum if {
	count(secret_recovery_window.deny) == 1 with input as configured(secret({"recoveryWindowInDays": 0}), 7)
}

test_passes_component_default if {
	count(secret_recovery_window.deny) == 0 with input as secret({})
}

test_passes_unset_window if {
	count(secret_recovery_window.deny) == 0 with input as json.remove(secret({}), ["properties/recoveryWindowInDays"])
}

test_passes_null_window if {
	count(secret_recovery_window.deny) == 0 with input as secret({"recoveryWindowInDays": null})
}

test_unknown_window_is_not_reported if {
	count(secret_recovery_window.deny) == 0 with input as secret({"recoveryWindowInDays": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_config_lowers_minimum if {
	count(secret_recovery_window.deny) == 0 with input as configured(secret({"recoveryWindowInDays": 7}), 7)
}

test_config_minimum_still_flags_below if {
	msgs := secret_recovery_window.deny with input as configured(secret({"recoveryWindowInDays": 10}), 14)
	count(msgs) == 1
	some msg in msgs
	contains(msg, "at least 14")
}

test_invalid_config_falls_back_to_default if {
	count(secret_recovery_window.deny) == 1 with input as configured(secret({"recoveryWindowInDays": 20}), "fourteen")
}

test_ignores_other_types if {
	count(secret_recovery_window.deny) == 0 with input as {"type": "aws:kms/key:Key", "name": "k", "properties": {"recoveryWindowInDays": 0}}
}
