package aws.elb.load_balancer_tls_policy_test

import data.aws.elb.load_balancer_tls_policy as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

policy(attributes) := {
	"type": "aws:elb/loadBalancerPolicy:LoadBalancerPolicy",
	"urn": "urn:pulumi:prod::web::aws:elb/loadBalancerPolicy:LoadBalancerPolicy::tls",
	"name": "tls",
	"properties": {"loadBalancerName": "legacy", "policyName": "tls", "policyTypeName": "SSLNegotiationPolicyType", "policyAttributes": attributes},
}

test_flags_old_predefined_policy if {
	count(rule.deny) == 1 with input as policy([{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-2016-08"}])
}

test_flags_old_protocols_and_weak_ciphers if {
	count(rule.deny) == 2 with input as policy([{"name": "Protocol-TLSv1", "value": "true"}, {"name": "ECDHE-RSA-AES128-GCM-SHA256", "value": "true"}, {"name": "DES-CBC3-SHA", "value": "true"}])
}

test_passes_tls12_policy if {
	count(rule.deny) == 0 with input as policy([{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-TLS-1-2-2017-01"}])
	count(rule.deny) == 0 with input as policy([{"name": "Protocol-TLSv1.2", "value": "true"}, {"name": "Protocol-TLSv1", "value": "false"}, {"name": "ECDHE-RSA-AES128-GCM-SHA256", "value": "true"}])
}

test_other_policy_types_are_not_judged if {
	count(rule.deny) == 0 with input as object.union(policy([{"name": "Protocol-TLSv1", "value": "true"}]), {"properties": {"policyTypeName": "ProxyProtocolPolicyType"}})
}

test_unknown_attributes_are_not_reported if {
	count(rule.deny) == 0 with input as policy([{"name": "Reference-Security-Policy", "value": unknown}])
	count(rule.deny) == 0 with input as policy(unknown)
}
