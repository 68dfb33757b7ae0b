package aws.lb.load_balancer_web_acl_test

import data.aws.lb.load_balancer_web_acl as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

lb_urn := "urn:pulumi:prod::web::aws:lb/loadBalancer:LoadBalancer::web"

lb(props) := {"type": "aws:lb/loadBalancer:LoadBalancer", "urn": lb_urn, "name": "web", "properties": object.union({"loadBalancerType": "application", "subnets": ["subnet-1", "subnet-2"]}, props)}

association(props, deps) := {
	"type": "aws:wafv2/webAclAssociation:WebAclAssociation",
	"urn": "urn:pulumi:prod::web::aws:wafv2/webAclAssociation:WebAclAssociation::web",
	"name": "web",
	"properties": object.union({"webAclArn": "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/abc"}, props),
	"propertyDependencies": deps,
}

test_flags_internet_facing_alb_without_waf if {
	findings := rule.stack_deny with input as {"resources": [lb({})]}
	count(findings) == 1
	some f in findings
	f.urn == lb_urn
	count(rule.stack_deny) == 1 with input as {"resources": [lb({"internal": false}), association({"resourceArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/other/1"}, {})]}
}

test_passes_associated_alb if {
	count(rule.stack_deny) == 0 with input as {"resources": [lb({}), association({"resourceArn": unknown}, {"resourceArn": [lb_urn]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [lb({"arn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1"}), association({"resourceArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1"}, {})]}
}

test_internal_and_network_load_balancers_are_not_judged if {
	count(rule.stack_deny) == 0 with input as {"resources": [lb({"internal": true})]}
	count(rule.stack_deny) == 0 with input as {"resources": [lb({"loadBalancerType": "network"})]}
}

test_unknown_targets_are_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [lb({}), association({"resourceArn": unknown}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [lb({"internal": unknown})]}
}
