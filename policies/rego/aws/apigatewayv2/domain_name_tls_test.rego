package aws.apigatewayv2.domain_name_tls_test

import data.aws.apigatewayv2.domain_name_tls

domain(config) := {
	"type": "aws:apigatewayv2/domainName:DomainName",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/domainName:DomainName::http-domain",
	"name": "http-domain",
	"properties": {"domainName": "http.example.com", "domainNameConfiguration": config},
}

config(extra) := object.union(
	{"certificateArn": "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e", "endpointType": "REGIONAL"},
	extra,
)

test_flags_tls_1_0 if {
	count(domain_name_tls.deny) == 1 with input as domain(config({"securityPolicy": "TLS_1_0"}))
}

test_flags_missing_security_policy if {
	count(domain_name_tls.deny) == 1 with input as domain(config({}))
}

test_flags_missing_configuration if {
	count(domain_name_tls.deny) == 1 with input as {
		"type": "aws:apigatewayv2/domainName:DomainName",
		"name": "bare",
		"properties": {"domainName": "bare.example.com"},
	}
}

test_passes_tls_1_2 if {
	count(domain_name_tls.deny) == 0 with input as domain(config({"securityPolicy": "TLS_1_2"}))
}

test_unknown_security_policy_is_not_reported if {
	count(domain_name_tls.deny) == 0 with input as domain(config({"securityPolicy": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}))
}

test_unknown_configuration_is_not_reported if {
	count(domain_name_tls.deny) == 0 with input as domain("04da6b54-80e4-46f7-96ec-b56ff0331ba9")
}

test_ignores_rest_domain_names if {
	count(domain_name_tls.deny) == 0 with input as {"type": "aws:apigateway/domainName:DomainName", "name": "d", "properties": {}}
}
