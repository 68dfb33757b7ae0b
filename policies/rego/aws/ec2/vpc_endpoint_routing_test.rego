package aws.ec2.vpc_endpoint_routing_test

import data.aws.ec2.vpc_endpoint_routing as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

endpoint_urn := "urn:pulumi:prod::net::aws:ec2/vpcEndpoint:VpcEndpoint::dynamodb"

endpoint(props) := {
	"type": "aws:ec2/vpcEndpoint:VpcEndpoint",
	"urn": endpoint_urn,
	"name": "dynamodb",
	"properties": object.union({"vpcId": "vpc-0a1b2c", "serviceName": "com.amazonaws.us-east-1.dynamodb", "id": "vpce-0a1"}, props),
}

association(type, deps) := {"type": type, "urn": sprintf("urn:pulumi:prod::net::%s::a", [type]), "name": "a", "properties": {"vpcEndpointId": unknown}, "propertyDependencies": deps}

test_flags_gateway_endpoint_without_route_tables if {
	findings := rule.stack_deny with input as {"resources": [endpoint({})]}
	count(findings) == 1
	some f in findings
	f.urn == endpoint_urn
	count(rule.stack_deny) == 1 with input as {"resources": [endpoint({"vpcEndpointType": "Gateway", "routeTableIds": []})]}
}

test_flags_interface_endpoint_without_subnets if {
	count(rule.stack_deny) == 1 with input as {"resources": [endpoint({"vpcEndpointType": "Interface", "serviceName": "com.amazonaws.us-east-1.sqs", "privateDnsEnabled": true})]}
}

test_passes_wired_endpoints if {
	count(rule.stack_deny) == 0 with input as {"resources": [endpoint({"routeTableIds": ["rtb-0a1"]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [endpoint({"vpcEndpointType": "Interface", "subnetIds": ["subnet-0a1", "subnet-0b2"]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [endpoint({}), association("aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation", {"vpcEndpointId": [endpoint_urn]})]}
}

test_unknown_wiring_is_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [endpoint({"routeTableIds": unknown})]}
	count(rule.stack_deny) == 0 with input as {"resources": [endpoint({}), association("aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation", {})]}
}
