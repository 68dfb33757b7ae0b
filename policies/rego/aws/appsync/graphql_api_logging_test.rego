package aws.appsync.graphql_api_logging_test

import data.aws.appsync.graphql_api_logging as rule

role := "arn:aws:iam::123456789012:role/appsync-logs"

api(props) := {
	"type": "aws:appsync/graphQLApi:GraphQLApi",
	"urn": "urn:pulumi:prod::api::aws:appsync/graphQLApi:GraphQLApi::catalog",
	"name": "catalog",
	"properties": object.union({"name": "catalog", "authenticationType": "AWS_IAM"}, props),
}

test_flags_api_without_logs if {
	count(rule.deny) == 1 with input as api({})
}

test_flags_logging_level_none if {
	count(rule.deny) == 1 with input as api({"logConfig": {"cloudwatchLogsRoleArn": role, "fieldLogLevel": "NONE"}})
}

test_passes_error_logging if {
	count(rule.deny) == 0 with input as api({"logConfig": {"cloudwatchLogsRoleArn": role, "fieldLogLevel": "ERROR"}})
}

test_unknown_level_is_not_reported if {
	count(rule.deny) == 0 with input as api({"logConfig": {"cloudwatchLogsRoleArn": role, "fieldLogLevel": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}})
	count(rule.deny) == 0 with input as api({"logConfig": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
