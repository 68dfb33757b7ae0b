package aws.elb.load_balancer_access_logs_test

import data.aws.elb.load_balancer_access_logs as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

elb(props) := {
	"type": "aws:elb/loadBalancer:LoadBalancer",
	"urn": "urn:pulumi:prod::web::aws:elb/loadBalancer:LoadBalancer::legacy",
	"name": "legacy",
	"properties": object.union({"availabilityZones": ["us-east-1a"], "listeners": [{"instancePort": 8000, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/abc"}]}, props),
}

test_flags_classic_load_balancer_without_logs if {
	count(rule.deny) == 1 with input as elb({})
	count(rule.deny) == 1 with input as elb({"accessLogs": {"bucket": "elb-logs", "enabled": false}})
}

test_passes_access_logs if {
	count(rule.deny) == 0 with input as elb({"accessLogs": {"bucket": "elb-logs", "interval": 60}})
	count(rule.deny) == 0 with input as elb({"accessLogs": {"bucket": "elb-logs", "enabled": true}})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as elb({"accessLogs": unknown})
	count(rule.deny) == 0 with input as elb({"accessLogs": {"bucket": "elb-logs", "enabled": unknown}})
}
