package aws.elasticache.user_authentication_test

import data.aws.elasticache.user_authentication as rule

user(props) := {
	"type": "aws:elasticache/user:User",
	"urn": "urn:pulumi:prod::api::aws:elasticache/user:User::app-user",
	"name": "app-user",
	"properties": object.union({"userId": "app-user", "userName": "app", "engine": "redis", "accessString": "on ~app::* +@read"}, props),
}

test_flags_no_password_user if {
	count(rule.deny) == 1 with input as user({"noPasswordRequired": true})
}

test_flags_no_password_authentication_mode if {
	count(rule.deny) == 1 with input as user({"authenticationMode": {"type": "no-password-required"}})
}

test_passes_iam_and_password_users if {
	count(rule.deny) == 0 with input as user({"authenticationMode": {"type": "iam"}})
	count(rule.deny) == 0 with input as user({"authenticationMode": {"type": "password", "passwords": ["[secret]"]}})
}

test_passes_disabled_default_user if {
	count(rule.deny) == 0 with input as user({"userName": "default", "accessString": "off -@all", "noPasswordRequired": true})
}

test_unknown_access_string_is_not_reported if {
	count(rule.deny) == 0 with input as user({"noPasswordRequired": true, "accessString": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
