package aws.ec2.vpn_connection_logging_test

import data.aws.ec2.vpn_connection_logging as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ec2/vpnConnection:VpnConnection",
	"urn": "urn:pulumi:prod::app::aws:ec2/vpnConnection:VpnConnection::main",
	"name": "main",
	"properties": object.union({"customerGatewayId": "cgw-0a1b2c3d", "transitGatewayId": "tgw-0a1b2c3d", "type": "ipsec.1"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({})
	count(rule.deny) == 1 with input as resource({"tunnel1LogOptions": {"cloudwatchLogOptions": {"logEnabled": true, "logGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:vpn"}}})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"tunnel1LogOptions": {"cloudwatchLogOptions": {"logEnabled": true, "logGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:vpn"}}, "tunnel2LogOptions": {"cloudwatchLogOptions": {"logEnabled": true, "logGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:vpn"}}})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"tunnel1LogOptions": unknown, "tunnel2LogOptions": unknown})
}
