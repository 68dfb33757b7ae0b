package aws.lb.load_balancer_access_logs_test

import data.aws.lb.load_balancer_access_logs as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

lb(props) := {
	"type": "aws:lb/loadBalancer:LoadBalancer",
	"urn": "urn:pulumi:prod::web::aws:lb/loadBalancer:LoadBalancer::web",
	"name": "web",
	"properties": object.union({"loadBalancerType": "application", "subnets": ["subnet-1", "subnet-2"]}, props),
}

test_flags_load_balancer_without_access_logs if {
	count(rule.deny) == 1 with input as lb({})
	count(rule.deny) == 1 with input as lb({"accessLogs": {"bucket": "lb-logs", "enabled": false}})
	count(rule.deny) == 1 with input as object.union(lb({}), {"type": "aws:alb/loadBalancer:LoadBalancer"})
}

test_flags_enabled_without_bucket if {
	count(rule.deny) == 1 with input as lb({"accessLogs": {"bucket": "", "enabled": true}})
}

test_passes_enabled_access_logs if {
	count(rule.deny) == 0 with input as lb({"accessLogs": {"bucket": "lb-logs", "enabled": true, "prefix": "web"}})
	count(rule.deny) == 0 with input as lb({"loadBalancerType": "network", "accessLogs": {"bucket": "lb-logs", "enabled": true}})
}

test_gateway_load_balancer_is_not_judged if {
	count(rule.deny) == 0 with input as lb({"loadBalancerType": "gateway"})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as lb({"accessLogs": unknown})
	count(rule.deny) == 0 with input as lb({"accessLogs": {"bucket": "lb-logs", "enabled": unknown}})
}
