package aws.apigateway.rest_api_endpoint_type_test

import data.aws.apigateway.rest_api_endpoint_type

rule_id := "aws-apigateway-rest-api-endpoint-type"

api(props) := {
	"type": "aws:apigateway/restApi:RestApi",
	"urn": "urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders",
	"name": "orders",
	"properties": object.union({"name": "orders"}, props),
}

with_config(resource, config) := object.union(resource, {"config": {rule_id: config}})

test_flags_default_edge if {
	count(rest_api_endpoint_type.deny) == 1 with input as api({})
}

test_flags_explicit_edge_string if {
	count(rest_api_endpoint_type.deny) == 1 with input as api({"endpointConfiguration": {"types": "EDGE"}})
}

test_flags_explicit_edge_list if {
	count(rest_api_endpoint_type.deny) == 1 with input as api({"endpointConfiguration": {"types": ["EDGE"]}})
}

test_passes_regional_string if {
	count(rest_api_endpoint_type.deny) == 0 with input as api({"endpointConfiguration": {"types": "REGIONAL"}})
}

test_passes_private_list if {
	count(rest_api_endpoint_type.deny) == 0 with input as api({"endpointConfiguration": {"types": ["PRIVATE"], "vpcEndpointIds": ["vpce-0a1b2c3d"]}})
}

test_config_allows_edge if {
	count(rest_api_endpoint_type.deny) == 0 with input as with_config(api({}), {"allowedEndpointTypes": ["EDGE", "REGIONAL"]})
}

test_config_restricts_to_private if {
	count(rest_api_endpoint_type.deny) == 1 with input as with_config(api({"endpointConfiguration": {"types": "REGIONAL"}}), {"allowedEndpointTypes": ["PRIVATE"]})
}

test_config_single_string_and_case if {
	count(rest_api_endpoint_type.deny) == 0 with input as with_config(api({"endpointConfiguration": {"types": "edge"}}), {"allowedEndpointTypes": "edge"})
}

test_config_of_other_rule_is_ignored if {
	count(rest_api_endpoint_type.deny) == 1 with input as object.union(api({}), {"config": {"aws-other-rule": {"allowedEndpointTypes": ["EDGE"]}}})
}

test_unknown_types_are_not_reported if {
	count(rest_api_endpoint_type.deny) == 0 with input as api({"endpointConfiguration": {"types": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}})
}

test_unknown_configuration_is_not_reported if {
	count(rest_api_endpoint_type.deny) == 0 with input as api({"endpointConfiguration": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(rest_api_endpoint_type.deny) == 0 with input as {"type": "aws:apigatewayv2/api:Api", "name": "a", "properties": {}}
}
