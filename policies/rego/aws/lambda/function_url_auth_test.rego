package aws.lambda.function_url_auth_test

import data.aws.lambda.function_url_auth as rule

url(props) := {
	"type": "aws:lambda/functionUrl:FunctionUrl",
	"urn": "urn:pulumi:prod::api::aws:lambda/functionUrl:FunctionUrl::webhook",
	"name": "webhook",
	"properties": object.union({"functionName": "webhook-handler"}, props),
}

test_flags_public_url if {
	count(rule.deny) == 1 with input as url({"authorizationType": "NONE"})
}

test_passes_iam_url if {
	count(rule.deny) == 0 with input as url({"authorizationType": "AWS_IAM"})
}

test_unknown_type_is_not_reported if {
	count(rule.deny) == 0 with input as url({"authorizationType": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
