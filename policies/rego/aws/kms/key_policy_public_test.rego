package aws.kms.key_policy_public_test

import data.aws.kms.key_policy_public

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

key(policy) := {
	"type": "aws:kms/key:Key",
	"urn": "urn:pulumi:prod::api::aws:kms/key:Key::data-key",
	"name": "data-key",
	"properties": {"description": "data", "enableKeyRotation": true, "policy": policy},
}

admin := {"Sid": "Admin", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}

public_use := {"Sid": "Use", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*"}

test_flags_public_statement_in_json_text if {
	findings := key_policy_public.deny with input as key(json.marshal({"Version": "2012-10-17", "Statement": [admin, public_use]}))
	findings == {"KMS key \"data-key\" has a policy statement \"Use\" (Principal \"*\") that lets any AWS identity use the key, with no condition narrowing the caller: name the principals (for example arn:aws:iam::<account>:root), or add a kms:CallerAccount and kms:ViaService (or aws:PrincipalOrgID) condition."}
}

test_flags_key_policy_resource_with_single_statement_object if {
	resource := {
		"type": "aws:kms/keyPolicy:KeyPolicy",
		"name": "data-key-policy",
		"properties": {"keyId": unknown, "policy": {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "kms:*", "Resource": "*"}}},
	}
	count(key_policy_public.deny) == 1 with input as resource
}

test_passes_caller_account_and_via_service if {
	via_service := object.union(public_use, {"Condition": {"StringEquals": {
		"kms:CallerAccount": "111122223333",
		"kms:ViaService": "s3.eu-west-1.amazonaws.com",
	}}})
	count(key_policy_public.deny) == 0 with input as key({"Version": "2012-10-17", "Statement": [admin, via_service]})
}

test_passes_account_principal_only if {
	count(key_policy_public.deny) == 0 with input as key({"Version": "2012-10-17", "Statement": [admin]})
}

test_unknown_policy_is_not_judged if {
	count(key_policy_public.deny) == 0 with input as key(unknown)
}

test_ignores_other_types if {
	count(key_policy_public.deny) == 0 with input as {"type": "aws:kms/grant:Grant", "name": "g", "properties": {"policy": {"Statement": [public_use]}}}
}
