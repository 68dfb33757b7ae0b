package aws.lb.load_balancer_desync_mitigation_test

import data.aws.lb.load_balancer_desync_mitigation as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

lb(props) := {
	"type": "aws:lb/loadBalancer:LoadBalancer",
	"urn": "urn:pulumi:prod::web::aws:lb/loadBalancer:LoadBalancer::web",
	"name": "web",
	"properties": object.union({"loadBalancerType": "application", "subnets": ["subnet-1", "subnet-2"]}, props),
}

test_flags_monitor_mode if {
	count(rule.deny) == 1 with input as lb({"desyncMitigationMode": "monitor"})
	count(rule.deny) == 1 with input as object.union(lb({"desyncMitigationMode": "monitor"}), {"type": "aws:elb/loadBalancer:LoadBalancer"})
}

test_passes_defensive_modes if {
	count(rule.deny) == 0 with input as lb({})
	count(rule.deny) == 0 with input as lb({"desyncMitigationMode": "defensive"})
	count(rule.deny) == 0 with input as lb({"desyncMitigationMode": "strictest"})
}

test_unknown_mode_is_not_reported if {
	count(rule.deny) == 0 with input as lb({"desyncMitigationMode": unknown})
}
