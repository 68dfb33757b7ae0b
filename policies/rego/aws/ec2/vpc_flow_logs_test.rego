package aws.ec2.vpc_flow_logs_test

import data.aws.ec2.vpc_flow_logs as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

vpc_urn := "urn:pulumi:prod::net::aws:ec2/vpc:Vpc::main"

vpc := {"type": "aws:ec2/vpc:Vpc", "urn": vpc_urn, "name": "main", "properties": {"cidrBlock": "10.0.0.0/16", "id": "vpc-0a1b2c"}}

flow_log(props, deps) := {
	"type": "aws:ec2/flowLog:FlowLog",
	"urn": "urn:pulumi:prod::net::aws:ec2/flowLog:FlowLog::main-flows",
	"name": "main-flows",
	"properties": object.union({"trafficType": "ALL", "logDestinationType": "s3", "logDestination": "arn:aws:s3:::flow-logs"}, props),
	"propertyDependencies": deps,
}

test_flags_vpc_without_flow_log if {
	findings := rule.stack_deny with input as {"resources": [vpc]}
	count(findings) == 1
	some f in findings
	f.urn == vpc_urn
}

test_flags_flow_log_of_another_vpc if {
	other := flow_log({"vpcId": "vpc-999"}, {})
	count(rule.stack_deny) == 1 with input as {"resources": [vpc, other]}
}

test_passes_vpc_with_flow_log_by_dependency if {
	count(rule.stack_deny) == 0 with input as {"resources": [vpc, flow_log({"vpcId": unknown}, {"vpcId": [vpc_urn]})]}
}

test_passes_vpc_with_flow_log_by_id if {
	count(rule.stack_deny) == 0 with input as {"resources": [vpc, flow_log({"vpcId": "vpc-0a1b2c"}, {})]}
}

test_untraceable_unknown_vpc_id_is_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [vpc, flow_log({"vpcId": unknown}, {})]}
}
