package aws.apigatewayv2.api_default_endpoint_test

import data.aws.apigatewayv2.api_default_endpoint

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

api(name, props) := {
	"type": "aws:apigatewayv2/api:Api",
	"urn": sprintf("urn:pulumi:prod::api::aws:apigatewayv2/api:Api::%s", [name]),
	"name": name,
	"properties": object.union({"name": name, "protocolType": "HTTP"}, props),
	"parent": "urn:pulumi:prod::api::pulumi:pulumi:Stack::api-prod",
	"dependencies": [],
	"propertyDependencies": {},
}

mapping_of(target) := {
	"type": "aws:apigatewayv2/apiMapping:ApiMapping",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/apiMapping:ApiMapping::orders-mapping",
	"name": "orders-mapping",
	"properties": {"apiId": unknown, "domainName": "http.example.com", "stage": unknown},
	"parent": "urn:pulumi:prod::api::pulumi:pulumi:Stack::api-prod",
	"dependencies": [target.urn],
	"propertyDependencies": {"apiId": [target.urn], "domainName": [], "stage": []},
}

test_flags_mapped_api_with_default_endpoint if {
	a := api("orders", {})
	findings := api_default_endpoint.stack_deny with input as {"resources": [a, mapping_of(a)]}
	count(findings) == 1
	some f in findings
	f.urn == a.urn
}

test_flags_explicit_false if {
	a := api("orders", {"disableExecuteApiEndpoint": false})
	count(api_default_endpoint.stack_deny) == 1 with input as {"resources": [a, mapping_of(a)]}
}

test_passes_disabled_endpoint if {
	a := api("orders", {"disableExecuteApiEndpoint": true})
	count(api_default_endpoint.stack_deny) == 0 with input as {"resources": [a, mapping_of(a)]}
}

test_passes_unmapped_api if {
	count(api_default_endpoint.stack_deny) == 0 with input as {"resources": [api("internal", {})]}
}

test_reference_by_value_after_deployment if {
	a := api("orders", {"id": "x9y8z7"})
	m := {"type": "aws:apigatewayv2/apiMapping:ApiMapping", "urn": "urn:m", "name": "m", "properties": {"apiId": "x9y8z7"}}
	other := api("other", {"id": "q1w2e3"})
	findings := api_default_endpoint.stack_deny with input as {"resources": [a, other, m]}
	{f.urn | some f in findings} == {a.urn}
}

test_unknown_setting_is_not_reported if {
	a := api("orders", {"disableExecuteApiEndpoint": unknown})
	count(api_default_endpoint.stack_deny) == 0 with input as {"resources": [a, mapping_of(a)]}
}
