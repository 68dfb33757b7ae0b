package aws.appsync.graphql_api_auth_test

import data.aws.appsync.graphql_api_auth as rule

api(props) := {
	"type": "aws:appsync/graphQLApi:GraphQLApi",
	"urn": "urn:pulumi:prod::api::aws:appsync/graphQLApi:GraphQLApi::catalog",
	"name": "catalog",
	"properties": object.union({"name": "catalog"}, props),
}

test_flags_api_key_only if {
	count(rule.deny) == 1 with input as api({"authenticationType": "API_KEY"})
}

test_flags_api_key_in_every_mode if {
	count(rule.deny) == 1 with input as api({"authenticationType": "API_KEY", "additionalAuthenticationProviders": [{"authenticationType": "API_KEY"}]})
}

test_passes_identity_mode if {
	count(rule.deny) == 0 with input as api({"authenticationType": "AMAZON_COGNITO_USER_POOLS", "userPoolConfig": {"userPoolId": "us-east-1_Example", "defaultAction": "ALLOW"}})
	count(rule.deny) == 0 with input as api({"authenticationType": "AWS_IAM"})
}

test_passes_api_key_with_identity_mode if {
	count(rule.deny) == 0 with input as api({"authenticationType": "API_KEY", "additionalAuthenticationProviders": [{"authenticationType": "AWS_IAM"}]})
}

test_unknown_providers_are_not_reported if {
	count(rule.deny) == 0 with input as api({"authenticationType": "API_KEY", "additionalAuthenticationProviders": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
