package aws.payments.kms_alias_prefix_test

import data.aws.payments.kms_alias_prefix

alias(name) := {"type": "aws:kms/alias:Alias", "name": "a", "properties": {"name": name}}

test_flags_alias_outside_the_team_prefix if {
	count(kms_alias_prefix.deny) == 1 with input as alias("alias/payments")
}

test_passes_alias_under_the_team_prefix if {
	count(kms_alias_prefix.deny) == 0 with input as alias("alias/payments/webhooks")
}

test_unknown_alias_name_is_not_reported if {
	count(kms_alias_prefix.deny) == 0 with input as alias("04da6b54-80e4-46f7-96ec-b56ff0331ba9")
}

test_ignores_other_types if {
	count(kms_alias_prefix.deny) == 0 with input as {"type": "aws:kms/key:Key", "name": "k", "properties": {}}
}
