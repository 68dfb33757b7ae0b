package aws.elb.load_balancer_connection_draining_test

import data.aws.elb.load_balancer_connection_draining as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:elb/loadBalancer:LoadBalancer",
	"urn": "urn:pulumi:prod::app::aws:elb/loadBalancer:LoadBalancer::main",
	"name": "main",
	"properties": object.union({"availabilityZones": ["us-east-1a", "us-east-1b"], "listeners": [{"instancePort": 80, "instanceProtocol": "http", "lbPort": 443, "lbProtocol": "https", "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"}], "connectionDraining": true, "crossZoneLoadBalancing": true}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"connectionDraining": false})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"connectionDraining": true})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"connectionDraining": unknown})
}
