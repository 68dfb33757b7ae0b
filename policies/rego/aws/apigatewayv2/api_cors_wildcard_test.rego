package aws.apigatewayv2.api_cors_wildcard_test

import data.aws.apigatewayv2.api_cors_wildcard

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

api(cors) := {
	"type": "aws:apigatewayv2/api:Api",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/api:Api::checkout",
	"name": "checkout",
	"properties": {"name": "checkout-7a1b2c3", "protocolType": "HTTP", "corsConfiguration": cors},
}

test_flags_wildcard_origin_with_credentials if {
	count(api_cors_wildcard.deny) == 1 with input as api({
		"allowOrigins": ["*"],
		"allowCredentials": true,
		"allowMethods": ["GET", "POST"],
		"allowHeaders": ["authorization", "content-type"],
	})
}

test_flags_wildcard_among_listed_origins if {
	count(api_cors_wildcard.deny) == 1 with input as api({"allowOrigins": ["https://shop.example.com", "*"], "allowCredentials": true})
}

test_passes_exact_origins_with_credentials if {
	count(api_cors_wildcard.deny) == 0 with input as api({"allowOrigins": ["https://shop.example.com"], "allowCredentials": true})
}

test_wildcard_without_credentials_is_reported_once if {
	# Not the credentialed misconfiguration, but still any website's scripts: one finding, not two.
	count(api_cors_wildcard.deny) == 1 with input as api({"allowOrigins": ["*"], "allowMethods": ["GET"]})
	count(api_cors_wildcard.deny) == 1 with input as api({"allowOrigins": ["*"], "allowCredentials": false})
}

test_passes_api_without_cors if {
	count(api_cors_wildcard.deny) == 0 with input as {"type": "aws:apigatewayv2/api:Api", "name": "ws", "properties": {"protocolType": "WEBSOCKET"}}
}

test_unknown_values_are_not_reported if {
	count(api_cors_wildcard.deny) == 0 with input as api({"allowOrigins": unknown, "allowCredentials": true})

	# Credentials unknown: only the wildcard origin itself is reported.
	count(api_cors_wildcard.deny) == 1 with input as api({"allowOrigins": ["*"], "allowCredentials": unknown})
	count(api_cors_wildcard.deny) == 0 with input as api({"allowOrigins": [unknown], "allowCredentials": true})
	count(api_cors_wildcard.deny) == 0 with input as api(unknown)
}

test_ignores_other_types if {
	count(api_cors_wildcard.deny) == 0 with input as {"type": "aws:apigatewayv2/stage:Stage", "name": "s", "properties": {"corsConfiguration": {"allowOrigins": ["*"], "allowCredentials": true}}}
}

cors_api(cors) := {
	"type": "aws:apigatewayv2/api:Api",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/api:Api::catalog",
	"name": "catalog",
	"properties": {"protocolType": "HTTP", "corsConfiguration": cors},
}

test_flags_wildcard_origin_without_credentials if {
	count(api_cors_wildcard.deny) == 1 with input as cors_api({"allowOrigins": ["*"], "allowMethods": ["GET"]})
}

test_flags_wildcard_methods if {
	count(api_cors_wildcard.deny) == 1 with input as cors_api({"allowOrigins": ["https://app.example.com"], "allowMethods": ["*"]})
}

test_flags_plain_http_origin if {
	count(api_cors_wildcard.deny) == 1 with input as cors_api({"allowOrigins": ["http://app.example.com"], "allowMethods": ["GET"]})
}

test_passes_listed_https_origins_and_methods if {
	count(api_cors_wildcard.deny) == 0 with input as cors_api({"allowOrigins": ["https://app.example.com"], "allowMethods": ["GET", "POST"], "allowCredentials": true})
}
