package aws.ec2.vpc_endpoint_private_dns_test

import data.aws.ec2.vpc_endpoint_private_dns

endpoint(props) := {
	"type": "aws:ec2/vpcEndpoint:VpcEndpoint",
	"urn": "urn:pulumi:prod::net::aws:ec2/vpcEndpoint:VpcEndpoint::sqs",
	"name": "sqs",
	"properties": object.union(
		{
			"vpcId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
			"serviceName": "com.amazonaws.eu-west-1.sqs",
			"vpcEndpointType": "Interface",
			"subnetIds": ["subnet-0a1b2c3d", "subnet-4e5f6a7b"],
			"securityGroupIds": ["sg-0123456789abcdef0"],
		},
		props,
	),
}

test_flags_interface_without_private_dns if {
	count(vpc_endpoint_private_dns.deny) == 1 with input as endpoint({})
}

test_flags_private_dns_off if {
	count(vpc_endpoint_private_dns.deny) == 1 with input as endpoint({"privateDnsEnabled": false})
}

test_passes_private_dns_on if {
	count(vpc_endpoint_private_dns.deny) == 0 with input as endpoint({"privateDnsEnabled": true})
}

test_ignores_gateway_endpoint if {
	count(vpc_endpoint_private_dns.deny) == 0 with input as endpoint({"serviceName": "com.amazonaws.eu-west-1.s3", "vpcEndpointType": "Gateway", "routeTableIds": ["rtb-0a1b2c3d"]})
	count(vpc_endpoint_private_dns.deny) == 0 with input as {"type": "aws:ec2/vpcEndpoint:VpcEndpoint", "name": "s3", "properties": {"serviceName": "com.amazonaws.eu-west-1.s3"}}
}

test_ignores_endpoint_service_of_another_account if {
	count(vpc_endpoint_private_dns.deny) == 0 with input as endpoint({"serviceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"})
}

test_unknown_values_are_not_reported if {
	count(vpc_endpoint_private_dns.deny) == 0 with input as endpoint({"privateDnsEnabled": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
	count(vpc_endpoint_private_dns.deny) == 0 with input as endpoint({"serviceName": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
