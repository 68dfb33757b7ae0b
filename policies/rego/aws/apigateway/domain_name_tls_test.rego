package aws.apigateway.domain_name_tls_test

import data.aws.apigateway.domain_name_tls

domain(props) := {
	"type": "aws:apigateway/domainName:DomainName",
	"urn": "urn:pulumi:prod::api::aws:apigateway/domainName:DomainName::api-domain",
	"name": "api-domain",
	"properties": props,
}

base := {
	"domainName": "api.example.com",
	"regionalCertificateArn": "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e",
	"endpointConfiguration": {"types": "REGIONAL"},
}

test_flags_tls_1_0 if {
	count(domain_name_tls.deny) == 1 with input as domain(object.union(base, {"securityPolicy": "TLS_1_0"}))
}

test_flags_missing_security_policy if {
	count(domain_name_tls.deny) == 1 with input as domain(base)
}

test_flags_null_security_policy if {
	count(domain_name_tls.deny) == 1 with input as domain(object.union(base, {"securityPolicy": null}))
}

test_passes_tls_1_2 if {
	count(domain_name_tls.deny) == 0 with input as domain(object.union(base, {"securityPolicy": "TLS_1_2"}))
}

test_passes_enhanced_policies if {
	every policy in ["SecurityPolicy_TLS13_1_3_2025_09", "SecurityPolicy_TLS13_1_2_2021_06", "SecurityPolicy_TLS12_PFS_2025_EDGE"] {
		count(domain_name_tls.deny) == 0 with input as domain(object.union(base, {"securityPolicy": policy, "endpointAccessMode": "STRICT"}))
	}
}

test_flags_unlisted_enhanced_policy if {
	count(domain_name_tls.deny) == 1 with input as domain(object.union(base, {"securityPolicy": "SecurityPolicy_TLS10_2018_EDGE"}))
}

test_unknown_security_policy_is_not_reported if {
	count(domain_name_tls.deny) == 0 with input as domain(object.union(base, {"securityPolicy": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}))
}

test_ignores_other_types if {
	count(domain_name_tls.deny) == 0 with input as {"type": "aws:apigateway/restApi:RestApi", "name": "api", "properties": {}}
}
