package aws.lb.load_balancer_deletion_protection_test

import data.aws.lb.load_balancer_deletion_protection as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

lb(props) := {
	"type": "aws:lb/loadBalancer:LoadBalancer",
	"urn": "urn:pulumi:prod::web::aws:lb/loadBalancer:LoadBalancer::web",
	"name": "web",
	"properties": object.union({"loadBalancerType": "application", "subnets": ["subnet-1", "subnet-2"]}, props),
}

test_flags_unprotected_load_balancer if {
	count(rule.deny) == 1 with input as lb({})
	count(rule.deny) == 1 with input as lb({"enableDeletionProtection": false})
}

test_passes_protected_load_balancer if {
	count(rule.deny) == 0 with input as lb({"enableDeletionProtection": true})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as lb({"enableDeletionProtection": unknown})
}
