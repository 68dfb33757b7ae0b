package aws.cognito.user_pool_client_public_test

import data.aws.cognito.user_pool_client_public

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

# The code-flow client stackguard.components.UserDirectory registers (client.oauth_flow="code").
client(props) := {
	"type": "aws:cognito/userPoolClient:UserPoolClient",
	"urn": "urn:pulumi:prod::api::stackguard:identity:UserDirectory$aws:cognito/userPoolClient:UserPoolClient::web-client",
	"name": "web-client",
	"properties": object.union(
		{
			"name": "web",
			"userPoolId": unknown,
			"allowedOauthFlowsUserPoolClient": true,
			"allowedOauthFlows": ["code"],
			"allowedOauthScopes": [unknown, "openid", "email"],
			"callbackUrls": ["https://app.example.com/callback"],
			"supportedIdentityProviders": ["COGNITO"],
			"generateSecret": true,
			"explicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"],
			"preventUserExistenceErrors": "ENABLED",
			"enableTokenRevocation": true,
		},
		props,
	),
}

test_flags_allow_public_client_opt_out if {
	# UserDirectory(client={"oauth_flow": "code", ..., "allow_public_client": {...}})
	msgs := user_pool_client_public.deny with input as client({"generateSecret": false})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "\"web-client\"")
	contains(msg, "public client")
}

test_flags_client_with_secret_unset if {
	count(user_pool_client_public.deny) == 1 with input as json.remove(client({}), ["properties/generateSecret"])
}

test_flags_sign_in_api_client_without_secret if {
	count(user_pool_client_public.deny) == 1 with input as json.remove(
		client({"explicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]}),
		["properties/allowedOauthFlows", "properties/generateSecret"],
	)
}

test_passes_code_flow_client_with_secret if {
	count(user_pool_client_public.deny) == 0 with input as client({})
}

test_leaves_client_credentials_to_client_secret_rule if {
	count(user_pool_client_public.deny) == 0 with input as client({"allowedOauthFlows": ["client_credentials"], "generateSecret": false})
}

test_unknown_generate_secret_is_not_reported if {
	count(user_pool_client_public.deny) == 0 with input as client({"generateSecret": unknown})
}

test_unknown_flows_still_flag_missing_secret if {
	# A client_credentials client cannot be created without a secret: the finding stands.
	count(user_pool_client_public.deny) == 1 with input as client({"allowedOauthFlows": unknown, "generateSecret": false})
}

test_ignores_other_types if {
	count(user_pool_client_public.deny) == 0 with input as {"type": "aws:cognito/userPool:UserPool", "name": "p", "properties": {}}
}
