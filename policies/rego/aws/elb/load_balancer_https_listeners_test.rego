package aws.elb.load_balancer_https_listeners_test

import data.aws.elb.load_balancer_https_listeners as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

elb(listeners) := {
	"type": "aws:elb/loadBalancer:LoadBalancer",
	"urn": "urn:pulumi:prod::web::aws:elb/loadBalancer:LoadBalancer::legacy",
	"name": "legacy",
	"properties": {"availabilityZones": ["us-east-1a"], "listeners": listeners},
}

https := {"instancePort": 8000, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/abc"}

test_flags_clear_text_listeners if {
	count(rule.deny) == 1 with input as elb([{"instancePort": 8000, "instanceProtocol": "http", "lbPort": 80, "lbProtocol": "http"}])
	count(rule.deny) == 1 with input as elb([https, {"instancePort": 5432, "instanceProtocol": "tcp", "lbPort": 5432, "lbProtocol": "TCP"}])
}

test_passes_tls_listeners if {
	count(rule.deny) == 0 with input as elb([https])
	count(rule.deny) == 0 with input as elb([{"instancePort": 5432, "instanceProtocol": "tcp", "lbPort": 5432, "lbProtocol": "ssl", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/abc"}])
}

test_unknown_protocol_is_not_reported if {
	count(rule.deny) == 0 with input as elb([{"instancePort": 8000, "instanceProtocol": "http", "lbPort": 80, "lbProtocol": unknown}])
}
