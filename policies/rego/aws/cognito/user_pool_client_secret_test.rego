package aws.cognito.user_pool_client_secret_test

import data.aws.cognito.user_pool_client_secret

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

# The client stackguard.components.UserDirectory registers by default (machine-to-machine).
client(props) := {
	"type": "aws:cognito/userPoolClient:UserPoolClient",
	"urn": "urn:pulumi:prod::api::stackguard:identity:UserDirectory$aws:cognito/userPoolClient:UserPoolClient::partners-client",
	"name": "partners-client",
	"properties": object.union(
		{
			"name": "partners",
			"userPoolId": unknown,
			"allowedOauthFlowsUserPoolClient": true,
			"allowedOauthFlows": ["client_credentials"],
			"allowedOauthScopes": [unknown, unknown],
			"supportedIdentityProviders": ["COGNITO"],
			"generateSecret": true,
			"explicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"],
			"preventUserExistenceErrors": "ENABLED",
			"enableTokenRevocation": true,
			"accessTokenValidity": 60,
			"idTokenValidity": 60,
			"refreshTokenValidity": 30,
			"tokenValidityUnits": {"accessToken": "minutes", "idToken": "minutes", "refreshToken": "days"},
			"authSessionValidity": 3,
		},
		props,
	),
}

test_flags_client_credentials_without_secret if {
	msgs := user_pool_client_secret.deny with input as client({"generateSecret": false})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "\"partners-client\"")
	contains(msg, "generateSecret")
}

test_flags_client_credentials_with_secret_unset if {
	count(user_pool_client_secret.deny) == 1 with input as json.remove(client({}), ["properties/generateSecret"])
}

test_flags_implicit_flow if {
	msgs := user_pool_client_secret.deny with input as client({
		"allowedOauthFlows": ["code", "implicit"],
		"callbackUrls": ["https://app.example.com/callback"],
	})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "implicit")
}

test_flags_implicit_flow_even_with_secret_once if {
	count(user_pool_client_secret.deny) == 1 with input as client({"allowedOauthFlows": ["implicit"], "generateSecret": true})
}

test_passes_component_default if {
	count(user_pool_client_secret.deny) == 0 with input as client({})
}

test_passes_code_flow_client if {
	count(user_pool_client_secret.deny) == 0 with input as client({
		"allowedOauthFlows": ["code"],
		"callbackUrls": ["https://app.example.com/callback"],
		"allowedOauthScopes": [unknown, "openid", "email"],
	})
}

test_passes_client_without_oauth_flows if {
	count(user_pool_client_secret.deny) == 0 with input as json.remove(client({"generateSecret": false}), ["properties/allowedOauthFlows"])
}

test_unknown_generate_secret_is_not_reported if {
	count(user_pool_client_secret.deny) == 0 with input as client({"generateSecret": unknown})
}

test_unknown_flows_are_not_reported if {
	count(user_pool_client_secret.deny) == 0 with input as client({"allowedOauthFlows": unknown, "generateSecret": false})
}

test_unknown_flow_element_is_not_reported if {
	count(user_pool_client_secret.deny) == 0 with input as client({"allowedOauthFlows": [unknown], "generateSecret": false})
}

test_ignores_other_types if {
	count(user_pool_client_secret.deny) == 0 with input as {"type": "aws:cognito/userPool:UserPool", "name": "p", "properties": {"allowedOauthFlows": ["implicit"]}}
}
