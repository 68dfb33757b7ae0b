package aws.ssm.parameter_secure_string_test

import data.aws.ssm.parameter_secure_string

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

parameter(name, props) := {
	"type": "aws:ssm/parameter:Parameter",
	"urn": sprintf("urn:pulumi:prod::api::aws:ssm/parameter:Parameter::%s", [name]),
	"name": name,
	"properties": props,
}

test_flags_plain_password if {
	count(parameter_secure_string.deny) == 1 with input as parameter("db-password", {
		"name": "/prod/db/password",
		"type": "String",
		"value": "hunter2",
	})
}

test_message_does_not_print_value if {
	some msg in parameter_secure_string.deny with input as parameter("db-password", {"name": "/prod/db/password", "type": "String", "value": "hunter2"})
	not contains(msg, "hunter2")
	contains(msg, "\"db-password\"")
}

test_flags_string_list_api_key_case_insensitive if {
	count(parameter_secure_string.deny) == 1 with input as parameter("partner", {
		"name": "/prod/partner/API_KEY",
		"type": "StringList",
		"value": "a,b",
	})
}

test_flags_by_description if {
	count(parameter_secure_string.deny) == 1 with input as parameter("stripe", {
		"name": "/prod/stripe",
		"description": "Stripe secret for webhooks",
		"type": "String",
		"value": "x",
	})
}

test_falls_back_to_resource_name if {
	count(parameter_secure_string.deny) == 1 with input as parameter("github-token", {"type": "String", "value": "x"})
}

test_unknown_name_falls_back_to_resource_name if {
	count(parameter_secure_string.deny) == 1 with input as parameter("private_key-pem", {"name": unknown, "type": "String", "value": "x"})
}

test_passes_secure_string if {
	count(parameter_secure_string.deny) == 0 with input as parameter("db-password", {
		"name": "/prod/db/password",
		"type": "SecureString",
		"keyId": "alias/app",
		"value": "hunter2",
	})
}

test_passes_non_secret_string if {
	count(parameter_secure_string.deny) == 0 with input as parameter("db-host", {
		"name": "/prod/db/host",
		"description": "database endpoint",
		"type": "String",
		"value": "db.internal",
	})
}

test_property_name_takes_precedence if {
	count(parameter_secure_string.deny) == 0 with input as parameter("token-param", {"name": "/prod/region", "type": "String", "value": "eu-west-1"})
}

test_unknown_type_is_not_reported if {
	count(parameter_secure_string.deny) == 0 with input as parameter("db-password", {"name": "/prod/db/password", "type": unknown, "value": unknown})
}

test_ignores_other_types if {
	count(parameter_secure_string.deny) == 0 with input as {"type": "aws:ssm/document:Document", "name": "password-doc", "properties": {"name": "password"}}
}
