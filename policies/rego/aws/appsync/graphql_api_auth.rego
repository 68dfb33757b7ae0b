package aws.appsync.graphql_api_auth

import data.lib.pulumi

# METADATA
# title: AppSync GraphQL APIs do not rely on API keys alone
# description: |
#   An API whose only authentication mode is API_KEY (authenticationType and every
#   additionalAuthenticationProviders entry) lets anyone holding the key, a shared
#   static secret shipped in web and mobile clients and valid for up to a year, call
#   every query and mutation: no caller is identified and access cannot be scoped per
#   user. Use AMAZON_COGNITO_USER_POOLS, AWS_IAM, OPENID_CONNECT or AWS_LAMBDA, keeping
#   API_KEY at most as an additional mode for public fields (Security Hub AppSync.5
#   flags any use of API keys; this rule flags APIs with no other mode).
# scope: document
# custom:
#   id: aws-appsync-graphql-api-auth
#   severity: high
#   concern: auth
#   remediation: Set authentication_type="AMAZON_COGNITO_USER_POOLS" with user_pool_config (or "AWS_IAM", "OPENID_CONNECT", "AWS_LAMBDA") on aws.appsync.GraphQLApi.
#   compliance:
#     fsbp: ["AppSync.5"]
#     nist-800-53: ["IA-2", "AC-3"]
#     owasp-api-top-10: ["API2:2023"]
deny contains msg if {
	input.type in resource_types
	input.properties.authenticationType == "API_KEY"
	not pulumi.unknown(input.properties, "additionalAuthenticationProviders")
	every provider in object.get(input.properties, "additionalAuthenticationProviders", []) {
		provider.authenticationType == "API_KEY"
	}
	msg := sprintf(
		"AppSync GraphQL API %q authenticates callers only with API keys, shared secrets that identify no one: use AMAZON_COGNITO_USER_POOLS, AWS_IAM, OPENID_CONNECT or AWS_LAMBDA as authenticationType.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:appsync/graphQLApi:GraphQLApi"})
