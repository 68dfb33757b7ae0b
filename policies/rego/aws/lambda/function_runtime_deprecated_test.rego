package aws.lambda.function_runtime_deprecated_test

import data.aws.lambda.function_runtime_deprecated as rule

function(props) := {
	"type": "aws:lambda/function:Function",
	"urn": "urn:pulumi:prod::api::aws:lambda/function:Function::handler",
	"name": "handler",
	"properties": object.union({"handler": "index.handler", "role": "arn:aws:iam::123456789012:role/handler"}, props),
}

test_flags_python38 if {
	count(rule.deny) == 1 with input as function({"runtime": "python3.8"})
}

test_flags_nodejs16 if {
	count(rule.deny) == 1 with input as function({"runtime": "nodejs16.x"})
}

test_passes_supported_runtimes if {
	count(rule.deny) == 0 with input as function({"runtime": "python3.13"})
	count(rule.deny) == 0 with input as function({"runtime": "nodejs22.x"})
	count(rule.deny) == 0 with input as function({"runtime": "java21"})
}

test_flags_runtime_the_profile_adds if {
	count(rule.deny) == 1 with input as object.union(
		function({"runtime": "java8.al2"}),
		{"config": {"aws-lambda-function-runtime-deprecated": {"alsoDeprecated": ["java8.al2"]}}},
	)
	count(rule.deny) == 0 with input as function({"runtime": "java8.al2"})
}

test_passes_container_image if {
	count(rule.deny) == 0 with input as function({"packageType": "Image", "imageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/handler:1.0"})
}

test_unknown_runtime_is_not_reported if {
	count(rule.deny) == 0 with input as function({"runtime": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
