package aws.apigatewayv2.integration_https_test

import data.aws.apigatewayv2.integration_https

integration(props) := {
	"type": "aws:apigatewayv2/integration:Integration",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/integration:Integration::orders",
	"name": "orders",
	"properties": object.union({"apiId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "integrationMethod": "ANY", "payloadFormatVersion": "1.0"}, props),
}

test_flags_http_proxy_over_http if {
	count(integration_https.deny) == 1 with input as integration({"integrationType": "HTTP_PROXY", "integrationUri": "http://orders.example.com/{proxy}"})
}

test_flags_websocket_http_integration_over_http if {
	count(integration_https.deny) == 1 with input as integration({"integrationType": "HTTP", "integrationUri": "Http://orders.example.com/ws"})
}

test_passes_https_backend if {
	count(integration_https.deny) == 0 with input as integration({"integrationType": "HTTP_PROXY", "integrationUri": "https://orders.example.com/{proxy}"})
}

test_passes_private_integration_to_listener if {
	count(integration_https.deny) == 0 with input as integration({
		"integrationType": "HTTP_PROXY",
		"connectionType": "VPC_LINK",
		"connectionId": "abc123",
		"integrationUri": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65",
		"tlsConfig": {"serverNameToVerify": "orders.example.com"},
	})
}

test_ignores_lambda_integration if {
	count(integration_https.deny) == 0 with input as integration({"integrationType": "AWS_PROXY", "integrationUri": "arn:aws:lambda:eu-west-1:123456789012:function:orders"})
}

test_unknown_uri_is_not_reported if {
	count(integration_https.deny) == 0 with input as integration({"integrationType": "HTTP_PROXY", "integrationUri": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
