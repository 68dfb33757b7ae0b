package aws.lb.load_balancer_multi_az_test

import data.aws.lb.load_balancer_multi_az as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:lb/loadBalancer:LoadBalancer",
	"urn": "urn:pulumi:prod::app::aws:lb/loadBalancer:LoadBalancer::main",
	"name": "main",
	"properties": object.union({"loadBalancerType": "network", "internal": true}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"subnets": ["subnet-0a1"]})
	count(rule.deny) == 1 with input as resource({"subnetMappings": [{"subnetId": "subnet-0a1"}]})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"subnets": ["subnet-0a1", "subnet-0b2"]})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"subnets": unknown})
}
