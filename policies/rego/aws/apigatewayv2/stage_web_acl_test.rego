package aws.apigatewayv2.stage_web_acl_test

import data.aws.apigatewayv2.stage_web_acl

test_flags_http_api_stage if {
	count(stage_web_acl.deny) == 1 with input as {
		"type": "aws:apigatewayv2/stage:Stage",
		"urn": "urn:pulumi:prod::api::aws:apigatewayv2/stage:Stage::catalog-stage",
		"name": "catalog-stage",
		"properties": {"apiId": "a1b2c3d4e5", "name": "$default", "autoDeploy": true},
	}
}

test_ignores_rest_api_stages if {
	count(stage_web_acl.deny) == 0 with input as {
		"type": "aws:apigateway/stage:Stage",
		"urn": "urn:pulumi:prod::api::aws:apigateway/stage:Stage::orders-stage",
		"name": "orders-stage",
		"properties": {"restApi": "a1b2c3d4e5", "stageName": "v1"},
	}
}

test_stage_of_an_unknown_api_is_still_reported if {
	# Whatever the API turns out to be, a v2 stage cannot take a web ACL.
	count(stage_web_acl.deny) == 1 with input as {
		"type": "aws:apigatewayv2/stage:Stage",
		"urn": "urn:pulumi:prod::api::aws:apigatewayv2/stage:Stage::catalog-stage",
		"name": "catalog-stage",
		"properties": {"apiId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "name": "$default"},
	}
}
