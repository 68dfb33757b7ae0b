package aws.lb.listener_tls_policy_test

import data.aws.lb.listener_tls_policy

listener(type, props) := {
	"type": type,
	"urn": sprintf("urn:pulumi:prod::web::%s::https", [type]),
	"name": "https",
	"properties": object.union(
		{
			"loadBalancerArn": "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
			"port": 443,
			"protocol": "HTTPS",
			"certificateArn": "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e",
			"defaultActions": [{"type": "forward", "targetGroupArn": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}],
		},
		props,
	),
}

lb_listener(props) := listener("aws:lb/listener:Listener", props)

test_flags_missing_policy if {
	count(listener_tls_policy.deny) == 1 with input as lb_listener({})
}

test_flags_default_2016_policy if {
	count(listener_tls_policy.deny) == 1 with input as lb_listener({"sslPolicy": "ELBSecurityPolicy-2016-08"})
}

test_flags_outdated_policies if {
	every policy in [
		"ELBSecurityPolicy-TLS13-1-0-2021-06",
		"ELBSecurityPolicy-TLS13-1-1-2021-06",
		"ELBSecurityPolicy-TLS13-1-0-PQ-2025-09",
		"ELBSecurityPolicy-TLS-1-1-2017-01",
		"ELBSecurityPolicy-TLS-1-2-2017-01",
		"ELBSecurityPolicy-FS-2018-06",
		"ELBSecurityPolicy-2015-05",
	] {
		count(listener_tls_policy.deny) == 1 with input as lb_listener({"sslPolicy": policy})
	}
}

test_passes_modern_policies if {
	every policy in [
		"ELBSecurityPolicy-TLS13-1-2-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
		"ELBSecurityPolicy-TLS13-1-3-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
		"ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
		"ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
		"ELBSecurityPolicy-FS-1-2-Res-2020-10",
		"ELBSecurityPolicy-FS-1-2-Res-2019-08",
	] {
		count(listener_tls_policy.deny) == 0 with input as lb_listener({"sslPolicy": policy})
	}
}

test_flags_tls_listener_on_nlb_alias if {
	count(listener_tls_policy.deny) == 1 with input as listener("aws:alb/listener:Listener", {"protocol": "TLS", "sslPolicy": "ELBSecurityPolicy-TLS-1-1-2017-01"})
}

test_ignores_http_and_tcp_listeners if {
	count(listener_tls_policy.deny) == 0 with input as lb_listener({"protocol": "HTTP", "port": 80})
	count(listener_tls_policy.deny) == 0 with input as lb_listener({"protocol": "TCP", "port": 5432})
}

test_unknown_policy_is_not_reported if {
	count(listener_tls_policy.deny) == 0 with input as lb_listener({"sslPolicy": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_unknown_protocol_is_not_reported if {
	count(listener_tls_policy.deny) == 0 with input as lb_listener({"protocol": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_flags_empty_policy_as_missing if {
	findings := listener_tls_policy.deny with input as lb_listener({"sslPolicy": ""})
	count(findings) == 1
	some msg in findings
	contains(msg, "does not set sslPolicy")
}
