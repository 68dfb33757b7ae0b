package aws.ec2.transit_gateway_auto_accept_test

import data.aws.ec2.transit_gateway_auto_accept as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ec2transitgateway/transitGateway:TransitGateway",
	"urn": "urn:pulumi:prod::app::aws:ec2transitgateway/transitGateway:TransitGateway::main",
	"name": "main",
	"properties": object.union({"description": "core"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"autoAcceptSharedAttachments": "enable"})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
	count(rule.deny) == 0 with input as resource({"autoAcceptSharedAttachments": "disable"})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"autoAcceptSharedAttachments": unknown})
}
