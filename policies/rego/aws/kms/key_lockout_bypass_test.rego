package aws.kms.key_lockout_bypass_test

import data.aws.kms.key_lockout_bypass

key(props) := {
	"type": "aws:kms/key:Key",
	"urn": "urn:pulumi:prod::api::aws:kms/key:Key::data-key",
	"name": "data-key",
	"properties": props,
}

test_flags_bypass if {
	count(key_lockout_bypass.deny) == 1 with input as key({"enableKeyRotation": true, "bypassPolicyLockoutSafetyCheck": true})
}

test_passes_default if {
	count(key_lockout_bypass.deny) == 0 with input as key({"enableKeyRotation": true, "deletionWindowInDays": 30})
}

test_passes_explicit_false if {
	count(key_lockout_bypass.deny) == 0 with input as key({"bypassPolicyLockoutSafetyCheck": false})
}

test_unknown_is_not_reported if {
	count(key_lockout_bypass.deny) == 0 with input as key({"bypassPolicyLockoutSafetyCheck": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(key_lockout_bypass.deny) == 0 with input as {"type": "aws:kms/alias:Alias", "name": "a", "properties": {"bypassPolicyLockoutSafetyCheck": true}}
}
