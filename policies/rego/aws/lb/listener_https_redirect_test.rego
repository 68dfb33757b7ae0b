package aws.lb.listener_https_redirect_test

import data.aws.lb.listener_https_redirect

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

listener(type, props) := {
	"type": type,
	"urn": sprintf("urn:pulumi:prod::web::%s::http", [type]),
	"name": "http",
	"properties": object.union({"loadBalancerArn": unknown, "port": 80}, props),
}

lb_listener(props) := listener("aws:lb/listener:Listener", props)

redirect := {"type": "redirect", "redirect": {"protocol": "HTTPS", "port": "443", "statusCode": "HTTP_301"}}

forward := {"type": "forward", "targetGroupArn": unknown}

test_flags_http_forward if {
	count(listener_https_redirect.deny) == 1 with input as lb_listener({"protocol": "HTTP", "defaultActions": [forward]})
}

test_flags_alias_type if {
	count(listener_https_redirect.deny) == 1 with input as listener("aws:alb/listener:Listener", {"protocol": "HTTP", "defaultActions": [forward]})
}

test_flags_missing_protocol_defaulting_to_http if {
	count(listener_https_redirect.deny) == 1 with input as lb_listener({"defaultActions": [forward]})
}

test_flags_redirect_to_http if {
	count(listener_https_redirect.deny) == 1 with input as lb_listener({
		"protocol": "HTTP",
		"defaultActions": [{"type": "redirect", "redirect": {"host": "www.example.com", "statusCode": "HTTP_301"}}],
	})
}

test_flags_fixed_response if {
	count(listener_https_redirect.deny) == 1 with input as lb_listener({
		"protocol": "HTTP",
		"defaultActions": [{"type": "fixed-response", "fixedResponse": {"contentType": "text/plain", "statusCode": "200", "messageBody": "ok"}}],
	})
}

test_flags_listener_without_actions if {
	count(listener_https_redirect.deny) == 1 with input as lb_listener({"protocol": "HTTP"})
}

test_passes_https_redirect if {
	count(listener_https_redirect.deny) == 0 with input as lb_listener({"protocol": "HTTP", "defaultActions": [redirect]})
}

test_passes_https_listener if {
	count(listener_https_redirect.deny) == 0 with input as lb_listener({
		"protocol": "HTTPS",
		"port": 443,
		"sslPolicy": "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
		"certificateArn": "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e",
		"defaultActions": [forward],
	})
}

test_ignores_gateway_load_balancer_listener if {
	count(listener_https_redirect.deny) == 0 with input as {
		"type": "aws:lb/listener:Listener",
		"name": "gwlb",
		"properties": {"loadBalancerArn": unknown, "defaultActions": [forward]},
	}
}

test_unknown_protocol_is_not_reported if {
	count(listener_https_redirect.deny) == 0 with input as lb_listener({"protocol": unknown, "defaultActions": [forward]})
}

test_unknown_actions_are_not_reported if {
	count(listener_https_redirect.deny) == 0 with input as lb_listener({"protocol": "HTTP", "defaultActions": unknown})
}

test_unknown_redirect_protocol_is_not_reported if {
	count(listener_https_redirect.deny) == 0 with input as lb_listener({
		"protocol": "HTTP",
		"defaultActions": [{"type": "redirect", "redirect": {"protocol": unknown, "statusCode": "HTTP_301"}}],
	})
}
