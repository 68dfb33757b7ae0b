package aws.kms.key_rotation_test

import data.aws.kms.key_rotation

key(props) := {
	"type": "aws:kms/key:Key",
	"urn": "urn:pulumi:prod::api::aws:kms/key:Key::data-key",
	"name": "data-key",
	"properties": props,
}

test_flags_key_without_rotation if {
	count(key_rotation.deny) == 1 with input as key({"description": "data", "deletionWindowInDays": 30})
}

test_flags_rotation_turned_off if {
	count(key_rotation.deny) == 1 with input as key({"enableKeyRotation": false})
}

test_passes_rotating_key if {
	count(key_rotation.deny) == 0 with input as key({"enableKeyRotation": true, "deletionWindowInDays": 30})
}

test_passes_asymmetric_key if {
	count(key_rotation.deny) == 0 with input as key({"customerMasterKeySpec": "RSA_2048"})
}

test_unknown_rotation_is_not_reported if {
	count(key_rotation.deny) == 0 with input as key({"enableKeyRotation": "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"})
}

test_ignores_other_types if {
	count(key_rotation.deny) == 0 with input as {"type": "aws:kms/alias:Alias", "name": "a", "properties": {}}
}

test_passes_asymmetric_and_hmac_key_spec if {
	every spec in ["RSA_2048", "ECC_NIST_P256", "HMAC_256"] {
		count(key_rotation.deny) == 0 with input as key({"keySpec": spec, "keyUsage": "SIGN_VERIFY"})
	}
}

test_flags_symmetric_key_spec_without_rotation if {
	count(key_rotation.deny) == 1 with input as key({"keySpec": "SYMMETRIC_DEFAULT", "enableKeyRotation": false})
}
