package aws.ec2.vpc_ec2_endpoint_test

import data.aws.ec2.vpc_ec2_endpoint as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

vpc_urn := "urn:pulumi:prod::net::aws:ec2/vpc:Vpc::main"

vpc := {"type": "aws:ec2/vpc:Vpc", "urn": vpc_urn, "name": "main", "properties": {"cidrBlock": "10.0.0.0/16", "id": "vpc-0a1"}}

endpoint(service, props, deps) := {"type": "aws:ec2/vpcEndpoint:VpcEndpoint", "urn": sprintf("urn:pulumi:prod::net::aws:ec2/vpcEndpoint:VpcEndpoint::%s", [service]), "name": service, "properties": object.union({"serviceName": service, "vpcEndpointType": "Interface"}, props), "propertyDependencies": deps}

test_flags_vpc_without_ec2_endpoint if {
	findings := rule.stack_deny with input as {"resources": [vpc]}
	count(findings) == 1
	some f in findings
	f.urn == vpc_urn
	count(rule.stack_deny) == 1 with input as {"resources": [vpc, endpoint("com.amazonaws.us-east-1.sqs", {"vpcId": "vpc-0a1"}, {})]}
}

test_passes_vpc_with_ec2_endpoint if {
	count(rule.stack_deny) == 0 with input as {"resources": [vpc, endpoint("com.amazonaws.us-east-1.ec2", {"vpcId": unknown}, {"vpcId": [vpc_urn]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [vpc, endpoint("com.amazonaws.us-east-1.ec2", {"vpcId": "vpc-0a1"}, {})]}
}

test_unknown_endpoints_are_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [vpc, endpoint(unknown, {"vpcId": "vpc-0a1"}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [vpc, endpoint("com.amazonaws.us-east-1.ec2", {"vpcId": unknown}, {})]}
}
