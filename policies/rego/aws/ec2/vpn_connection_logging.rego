package aws.ec2.vpn_connection_logging

import data.lib.pulumi

# METADATA
# title: Site-to-Site VPN tunnels log to CloudWatch Logs
# description: |
#   A Site-to-Site VPN connection whose tunnels do not log (tunnel1LogOptions and
#   tunnel2LogOptions without cloudwatchLogOptions.logEnabled) keeps no record of IKE
#   negotiations, tunnel state changes and failed authentications: a peer impersonation or
#   a flapping tunnel cannot be investigated. Both tunnels must log. Unknown settings are
#   not judged.
# scope: document
# custom:
#   id: aws-ec2-vpn-connection-logging
#   severity: medium
#   concern: logging
#   remediation: 'Set tunnel1_log_options and tunnel2_log_options with cloudwatch_log_options=aws.ec2.VpnConnectionTunnel1LogOptionsCloudwatchLogOptionsArgs(log_enabled=True, log_group_arn=group.arn) on aws.ec2.VpnConnection.'
#   compliance:
#     fsbp: ["EC2.171"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	input.type in resource_types
	some key in ["tunnel1LogOptions", "tunnel2LogOptions"]
	options := object.get(input.properties, [key, "cloudwatchLogOptions"], {})
	not pulumi.is_unknown(options)
	not pulumi.unknown(input.properties, key)
	pulumi.is_false(options, "logEnabled")
	msg := sprintf("Site-to-Site VPN connection %q has a tunnel that does not log: enable cloudwatchLogOptions.logEnabled on both tunnels.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ec2/vpnConnection:VpnConnection"})
