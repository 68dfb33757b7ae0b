package aws.ec2.client_vpn_connection_logging

import data.lib.pulumi

# METADATA
# title: Client VPN endpoints log client connections
# description: |
#   With connectionLogOptions.enabled false, a Client VPN endpoint keeps no record of who
#   connected, when, from where and whether authentication failed: a stolen certificate or
#   credential in use cannot be traced. Enable connection logging to a CloudWatch Logs
#   group. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-ec2-client-vpn-connection-logging
#   severity: medium
#   concern: logging
#   remediation: 'Set connection_log_options=aws.ec2clientvpn.EndpointConnectionLogOptionsArgs(enabled=True, cloudwatch_log_group=group.name) on aws.ec2clientvpn.Endpoint.'
#   compliance:
#     fsbp: ["EC2.51"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	input.type in resource_types
	options := object.get(input.properties, "connectionLogOptions", {})
	not pulumi.is_unknown(options)
	pulumi.is_false(options, "enabled")
	msg := sprintf("Client VPN endpoint %q does not log client connections: set connectionLogOptions.enabled to true with a log group.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ec2clientvpn/endpoint:Endpoint"})
