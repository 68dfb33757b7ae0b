package aws.kms.key_deletion_window_test

import data.aws.kms.key_deletion_window

key(props) := {
	"type": "aws:kms/key:Key",
	"urn": "urn:pulumi:prod::api::aws:kms/key:Key::data-key",
	"name": "data-key",
	"properties": props,
}

test_flags_short_window if {
	count(key_deletion_window.deny) == 1 with input as key({"description": "data", "enableKeyRotation": true, "deletionWindowInDays": 7})
}

test_passes_default_window if {
	count(key_deletion_window.deny) == 0 with input as key({"description": "data", "enableKeyRotation": true})
}

test_passes_null_window if {
	count(key_deletion_window.deny) == 0 with input as key({"deletionWindowInDays": null})
}

test_passes_thirty_days if {
	count(key_deletion_window.deny) == 0 with input as key({"deletionWindowInDays": 30})
}

test_unknown_window_is_not_reported if {
	count(key_deletion_window.deny) == 0 with input as key({"deletionWindowInDays": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_config_lowers_minimum if {
	count(key_deletion_window.deny) == 0 with input as object.union(
		key({"deletionWindowInDays": 14}),
		{"config": {"aws-kms-key-deletion-window": {"minimumDays": 14}}},
	)
}

test_config_minimum_still_flags_below if {
	count(key_deletion_window.deny) == 1 with input as object.union(
		key({"deletionWindowInDays": 10}),
		{"config": {"aws-kms-key-deletion-window": {"minimumDays": 14}}},
	)
}

test_invalid_config_falls_back_to_default if {
	count(key_deletion_window.deny) == 1 with input as object.union(
		key({"deletionWindowInDays": 20}),
		{"config": {"aws-kms-key-deletion-window": {"minimumDays": "fourteen"}}},
	)
}

test_message_names_key_and_minimum if {
	some msg in key_deletion_window.deny with input as key({"deletionWindowInDays": 7})
	contains(msg, "\"data-key\"")
	contains(msg, "at least 30")
}

test_ignores_other_types if {
	count(key_deletion_window.deny) == 0 with input as {"type": "aws:kms/alias:Alias", "name": "a", "properties": {"deletionWindowInDays": 7}}
}
