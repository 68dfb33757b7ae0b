package aws.apigateway.authorizer_cache_keys_test

import data.aws.apigateway.authorizer_cache_keys

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

# A Lambda authorizer as in https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization.html
authorizer(props) := {
	"type": "aws:apigateway/authorizer:Authorizer",
	"urn": "urn:pulumi:prod::api::aws:apigateway/authorizer:Authorizer::tenant",
	"name": "tenant",
	"properties": object.union(
		{
			"restApi": "a1b2c3d4e5",
			"authorizerUri": "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations",
		},
		props,
	),
}

test_flags_request_authorizer_cached_on_a_tenant_header if {
	msgs := authorizer_cache_keys.deny with input as authorizer({"type": "REQUEST", "identitySource": "method.request.header.X-Tenant", "authorizerResultTtlInSeconds": 300})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "X-Tenant")
}

test_flags_default_ttl if {
	count(authorizer_cache_keys.deny) == 1 with input as authorizer({"type": "REQUEST", "identitySource": "method.request.querystring.tenant"})
}

test_passes_identity_source_with_the_credential if {
	count(authorizer_cache_keys.deny) == 0 with input as authorizer({"type": "REQUEST", "identitySource": "method.request.header.X-Tenant, method.request.header.Authorization"})
}

test_passes_cache_turned_off if {
	count(authorizer_cache_keys.deny) == 0 with input as authorizer({"type": "REQUEST", "identitySource": "method.request.header.X-Tenant", "authorizerResultTtlInSeconds": 0})
}

test_passes_token_and_cognito_authorizers if {
	count(authorizer_cache_keys.deny) == 0 with input as authorizer({"type": "TOKEN", "identitySource": "method.request.header.X-Token"})
	count(authorizer_cache_keys.deny) == 0 with input as authorizer({"type": "COGNITO_USER_POOLS", "identitySource": "method.request.header.X-Token"})
}

test_unknown_values_are_not_reported if {
	count(authorizer_cache_keys.deny) == 0 with input as authorizer({"type": "REQUEST", "identitySource": unknown})
	count(authorizer_cache_keys.deny) == 0 with input as authorizer({"type": "REQUEST", "identitySource": "method.request.header.X-Tenant", "authorizerResultTtlInSeconds": unknown})
}
