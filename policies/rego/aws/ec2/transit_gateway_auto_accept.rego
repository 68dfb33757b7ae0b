package aws.ec2.transit_gateway_auto_accept

import data.lib.pulumi

# METADATA
# title: Transit gateways do not accept shared VPC attachments automatically
# description: |
#   autoAcceptSharedAttachments enable lets any account the transit gateway is shared with
#   (through AWS RAM) attach its VPCs without review: their networks join the routing
#   domain and reach yours. Leave it disable (the default) and accept attachments
#   deliberately. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-ec2-transit-gateway-auto-accept
#   severity: high
#   concern: network
#   remediation: 'Remove auto_accept_shared_attachments="enable" from aws.ec2transitgateway.TransitGateway.'
#   compliance:
#     fsbp: ["EC2.23"]
#     nist-800-53: ["AC-4", "SC-7"]
deny contains msg if {
	input.type in resource_types
	input.properties.autoAcceptSharedAttachments == "enable"
	msg := sprintf("Transit gateway %q accepts shared VPC attachments automatically: set autoAcceptSharedAttachments to disable.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ec2transitgateway/transitGateway:TransitGateway"})
