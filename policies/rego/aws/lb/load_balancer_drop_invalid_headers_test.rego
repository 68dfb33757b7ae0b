package aws.lb.load_balancer_drop_invalid_headers_test

import data.aws.lb.load_balancer_drop_invalid_headers as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

lb(props) := {
	"type": "aws:lb/loadBalancer:LoadBalancer",
	"urn": "urn:pulumi:prod::web::aws:lb/loadBalancer:LoadBalancer::web",
	"name": "web",
	"properties": object.union({"loadBalancerType": "application", "subnets": ["subnet-1", "subnet-2"]}, props),
}

test_flags_alb_forwarding_invalid_headers if {
	count(rule.deny) == 1 with input as lb({})
	count(rule.deny) == 1 with input as lb({"dropInvalidHeaderFields": false})
}

test_passes_alb_dropping_invalid_headers if {
	count(rule.deny) == 0 with input as lb({"dropInvalidHeaderFields": true})
	count(rule.deny) == 0 with input as lb({"loadBalancerType": "network"})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as lb({"dropInvalidHeaderFields": unknown})
}
