package aws.apigateway.rest_api_policy_public_test

import data.aws.apigateway.rest_api_policy_public

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

api(policy) := {
	"type": "aws:apigateway/restApi:RestApi",
	"urn": "urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders",
	"name": "orders",
	"properties": {"endpointConfiguration": {"types": "PRIVATE", "vpcEndpointIds": [unknown]}, "policy": policy},
}

invoke(condition) := {"Version": "2012-10-17", "Statement": [object.union(
	{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"},
	condition,
)]}

test_flags_unconditional_invoke if {
	findings := rest_api_policy_public.deny with input as api(json.marshal(invoke({})))
	findings == {"API Gateway REST API \"orders\" has a policy statement #1 (Principal \"*\") that lets any caller invoke the API, with no condition narrowing the caller: add an aws:SourceVpce (private APIs), aws:SourceIp or aws:PrincipalOrgID condition, or name the principals."}
}

test_flags_rest_api_policy_resource if {
	resource := {"type": "aws:apigateway/restApiPolicy:RestApiPolicy", "name": "orders-policy", "properties": {"restApiId": unknown, "policy": invoke({})}}
	count(rest_api_policy_public.deny) == 1 with input as resource
}

test_flags_negated_vpce_condition if {
	count(rest_api_policy_public.deny) == 1 with input as api(invoke({"Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0a1b2c3d"}}}))
}

test_passes_source_vpce_condition if {
	count(rest_api_policy_public.deny) == 0 with input as api(invoke({"Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d"}}}))
}

test_passes_source_ip_condition if {
	count(rest_api_policy_public.deny) == 0 with input as api(invoke({"Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}}))
}

test_passes_deny_everything_but_vpce if {
	doc := {"Version": "2012-10-17", "Statement": [
		{"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*", "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0a1b2c3d"}}},
		{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*", "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-0a1b2c3d"}}},
	]}
	count(rest_api_policy_public.deny) == 0 with input as api(doc)
}

test_unknown_policy_is_not_judged if {
	count(rest_api_policy_public.deny) == 0 with input as api(unknown)
}

body_with_policy(statement) := {
	"type": "aws:apigateway/restApi:RestApi",
	"urn": "urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders",
	"name": "orders",
	"properties": {"body": json.marshal({
		"openapi": "3.0.1", "paths": {},
		"x-amazon-apigateway-policy": {"Version": "2012-10-17", "Statement": [statement]},
	})},
}

test_flags_public_policy_in_openapi_body if {
	count(rest_api_policy_public.deny) == 1 with input as body_with_policy({"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"})
}

test_passes_vpce_scoped_policy_in_openapi_body if {
	count(rest_api_policy_public.deny) == 0 with input as body_with_policy({
		"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*",
		"Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0123456789abcdef0"}},
	})
}
