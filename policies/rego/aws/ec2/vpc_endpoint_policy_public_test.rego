package aws.ec2.vpc_endpoint_policy_public_test

import data.aws.ec2.vpc_endpoint_policy_public

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

endpoint(props) := {
	"type": "aws:ec2/vpcEndpoint:VpcEndpoint",
	"urn": "urn:pulumi:prod::net::aws:ec2/vpcEndpoint:VpcEndpoint::s3",
	"name": "s3",
	"properties": object.union({"vpcId": unknown, "serviceName": "com.amazonaws.eu-west-1.s3", "routeTableIds": [unknown]}, props),
	"parent": "urn:pulumi:prod::net::pulumi:pulumi:Stack::net-prod",
	"dependencies": [],
	"propertyDependencies": {},
}

endpoint_policy(endpoint_urn, policy) := {
	"type": "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy",
	"urn": "urn:pulumi:prod::net::aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy::s3-policy",
	"name": "s3-policy",
	"properties": {"vpcEndpointId": unknown, "policy": policy},
	"propertyDependencies": {"vpcEndpointId": [endpoint_urn]},
}

full_access := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}

org_only := {"Version": "2012-10-17", "Statement": [{
	"Sid": "OrgOnly", "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*",
	"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
}]}

test_flags_public_endpoint_policy_json_text if {
	ep := endpoint({"policy": json.marshal(full_access)})
	findings := vpc_endpoint_policy_public.stack_deny with input as {"resources": [ep]}
	findings == {{"urn": ep.urn, "message": "VPC endpoint \"s3\" has a policy statement #1 (Principal \"*\") that lets any credentials, including other accounts', use the endpoint, with no condition narrowing the caller: add an aws:PrincipalOrgID or aws:PrincipalAccount condition, or name the principals."}}
}

test_flags_public_vpc_endpoint_policy_resource if {
	ep := endpoint({})
	pol := endpoint_policy(ep.urn, full_access)
	findings := vpc_endpoint_policy_public.stack_deny with input as {"resources": [ep, pol]}
	{f.urn | some f in findings} == {pol.urn}
}

explicit := {"aws-ec2-vpc-endpoint-policy-public": {"requireExplicitPolicy": true}}

test_passes_the_default_policy_of_an_endpoint_without_one if {
	# AWS's default endpoint policy is not public: callers still need IAM permissions (issue #23: noise).
	every props in [{}, {"vpcEndpointType": "Interface", "serviceName": "com.amazonaws.eu-west-1.sqs"}] {
		count(vpc_endpoint_policy_public.stack_deny) == 0 with input as {"resources": [endpoint(props)]}
	}
}

test_flags_missing_policy_on_gateway_endpoint_when_the_profile_requires_one if {
	ep := endpoint({})
	findings := vpc_endpoint_policy_public.stack_deny with input as {"resources": [ep], "config": explicit}
	findings == {{"urn": ep.urn, "message": "VPC endpoint \"s3\" has no endpoint policy, so AWS applies its default policy allowing any principal every action on every resource through it, and the profile requires an explicit one (requireExplicitPolicy): set policy (or add a VpcEndpointPolicy) with statements limited by an aws:PrincipalOrgID or aws:PrincipalAccount condition."}}
}

test_flags_missing_policy_on_interface_endpoint_when_the_profile_requires_one if {
	ep := endpoint({"vpcEndpointType": "Interface", "serviceName": "com.amazonaws.eu-west-1.sqs", "privateDnsEnabled": true})
	count(vpc_endpoint_policy_public.stack_deny) == 1 with input as {"resources": [ep], "config": explicit}
}

test_passes_missing_policy_with_separate_policy_resource if {
	ep := endpoint({})
	count(vpc_endpoint_policy_public.stack_deny) == 0 with input as {"resources": [ep, endpoint_policy(ep.urn, org_only)], "config": explicit}
}

test_passes_org_restricted_policy if {
	count(vpc_endpoint_policy_public.stack_deny) == 0 with input as {"resources": [endpoint({"policy": org_only})]}
}

test_passes_endpoints_that_take_no_policy if {
	every props in [
		{"vpcEndpointType": "GatewayLoadBalancer", "serviceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d"},
		{"vpcEndpointType": "Interface", "serviceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d"},
		{"vpcEndpointType": "ServiceNetwork", "serviceName": null},
	] {
		count(vpc_endpoint_policy_public.stack_deny) == 0 with input as {"resources": [endpoint(props)], "config": explicit}
	}
}

test_unknown_values_are_not_judged if {
	every props in [{"policy": unknown}, {"vpcEndpointType": unknown}, {"serviceName": unknown}] {
		count(vpc_endpoint_policy_public.stack_deny) == 0 with input as {"resources": [endpoint(props)], "config": explicit}
	}
}

test_resource_input_yields_nothing if {
	count(vpc_endpoint_policy_public.stack_deny) == 0 with input as endpoint({"policy": full_access})
}

test_flags_empty_policy_as_default_full_access if {
	findings := vpc_endpoint_policy_public.stack_deny with input as {"resources": [endpoint({"policy": ""})], "config": explicit}
	count(findings) == 1
}

invoke_policy(resource) := json.marshal({"Version": "2012-10-17", "Statement": [{
	"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": resource,
}]})

execute_api_endpoint(policy) := {
	"type": "aws:ec2/vpcEndpoint:VpcEndpoint", "urn": "urn:pulumi:prod::p::aws:ec2/vpcEndpoint:VpcEndpoint::api", "name": "api",
	"properties": {"serviceName": "com.amazonaws.eu-west-1.execute-api", "vpcEndpointType": "Interface", "policy": policy},
}

test_passes_execute_api_invoke_scoped_to_one_account if {
	endpoint := execute_api_endpoint(invoke_policy(["arn:aws:execute-api:eu-west-1:123456789012:*/*"]))
	count(vpc_endpoint_policy_public.stack_deny) == 0 with input as {"resources": [endpoint]}
}

test_flags_execute_api_invoke_of_any_account if {
	endpoint := execute_api_endpoint(invoke_policy("arn:aws:execute-api:eu-west-1:*:*/*"))
	count(vpc_endpoint_policy_public.stack_deny) == 1 with input as {"resources": [endpoint]}
}

test_flags_execute_api_with_more_than_invoke if {
	policy := json.marshal({"Version": "2012-10-17", "Statement": [{
		"Effect": "Allow", "Principal": "*", "Action": "*",
		"Resource": "arn:aws:execute-api:eu-west-1:123456789012:*/*",
	}]})
	count(vpc_endpoint_policy_public.stack_deny) == 1 with input as {"resources": [execute_api_endpoint(policy)]}
}

test_account_scoped_invoke_does_not_excuse_other_services if {
	endpoint := object.union(execute_api_endpoint(invoke_policy("arn:aws:execute-api:eu-west-1:123456789012:*/*")), {"properties": {"serviceName": "com.amazonaws.eu-west-1.s3"}})
	count(vpc_endpoint_policy_public.stack_deny) == 1 with input as {"resources": [endpoint]}
}
