package aws.lambda.function_env_kms_test

import data.aws.lambda.function_env_kms

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

function(props) := {
	"type": "aws:lambda/function:Function",
	"urn": "urn:pulumi:prod::api::aws:lambda/function:Function::orders-handler",
	"name": "orders-handler",
	"properties": object.union(
		{
			"runtime": "python3.12",
			"handler": "app.handler",
			"role": "arn:aws:iam::123456789012:role/orders-handler",
			"memorySize": 256,
		},
		props,
	),
}

test_flags_variables_without_key if {
	count(function_env_kms.deny) == 1 with input as function({"environment": {"variables": {"TABLE": "orders", "API_TOKEN": "s3cr3t"}}})
}

test_message_names_the_variable_never_its_value if {
	some msg in function_env_kms.deny with input as function({"environment": {"variables": {"API_TOKEN": "s3cr3t"}}})
	not contains(msg, "s3cr3t")
	contains(msg, "\"API_TOKEN\"")
	contains(msg, "\"orders-handler\"")
}

test_flags_a_pulumi_secret_whatever_its_name if {
	count(function_env_kms.deny) == 1 with input as function({"environment": {"variables": {"UPSTREAM": "[secret]"}}})
}

test_passes_configuration_that_is_no_secret if {
	# An account id, a table name, a stage: configuration, not secrets (issue #23: noise).
	count(function_env_kms.deny) == 0 with input as function({"environment": {"variables": {
		"ACCOUNT_ID": "123456789012", "TABLE": "orders", "STAGE": "prod", "DB_PASSWORD_ARN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
	}}})
}

test_passes_unknown_values_of_configuration if {
	count(function_env_kms.deny) == 0 with input as function({"environment": {"variables": {"TABLE": unknown}}})
}

test_passes_variables_with_key if {
	count(function_env_kms.deny) == 0 with input as function({
		"environment": {"variables": {"API_TOKEN": "s3cr3t"}},
		"kmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12",
	})
}

test_passes_without_environment if {
	count(function_env_kms.deny) == 0 with input as function({})
}

test_passes_empty_variables if {
	count(function_env_kms.deny) == 0 with input as function({"environment": {"variables": {}}})
}

test_unknown_key_is_not_reported if {
	count(function_env_kms.deny) == 0 with input as function({"environment": {"variables": {"API_TOKEN": "s3cr3t"}}, "kmsKeyArn": unknown})
}

test_unknown_variables_are_not_reported if {
	count(function_env_kms.deny) == 0 with input as function({"environment": {"variables": unknown}})
}

test_ignores_other_types if {
	count(function_env_kms.deny) == 0 with input as {"type": "aws:lambda/alias:Alias", "name": "a", "properties": {}}
}

test_flags_variables_with_empty_key if {
	count(function_env_kms.deny) == 1 with input as function({"environment": {"variables": {"DB_PASSWORD": "hunter2"}}, "kmsKeyArn": " "})
}
