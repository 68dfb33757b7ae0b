package aws.ec2.client_vpn_connection_logging_test

import data.aws.ec2.client_vpn_connection_logging as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ec2clientvpn/endpoint:Endpoint",
	"urn": "urn:pulumi:prod::app::aws:ec2clientvpn/endpoint:Endpoint::main",
	"name": "main",
	"properties": object.union({"serverCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012", "clientCidrBlock": "10.100.0.0/22", "authenticationOptions": [{"type": "federated-authentication", "samlProviderArn": "arn:aws:iam::123456789012:saml-provider/idp"}]}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"connectionLogOptions": {"enabled": false}})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"connectionLogOptions": {"enabled": true, "cloudwatchLogGroup": "/vpn/clients"}})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"connectionLogOptions": {"enabled": unknown}})
	count(rule.deny) == 0 with input as resource({"connectionLogOptions": unknown})
}
