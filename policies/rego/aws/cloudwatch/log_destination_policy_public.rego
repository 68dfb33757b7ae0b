package aws.cloudwatch.log_destination_policy_public

import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: CloudWatch Logs destinations accept subscriptions only from named accounts
# description: |
#   A log destination's access policy that allows Principal "*" (or NotPrincipal) without
#   an aws:PrincipalOrgID or account condition lets any AWS account subscribe its log
#   groups to the destination: strangers can push arbitrary records into the Kinesis
#   stream or Firehose behind it, polluting or flooding the log pipeline. Name the sending
#   accounts, or limit "*" to your organization. An unknown policy is not judged.
# scope: document
# custom:
#   id: aws-cloudwatch-log-destination-policy-public
#   severity: high
#   concern: iam
#   remediation: 'Set "Principal": {"AWS": ["111122223333"]} in access_policy of aws.cloudwatch.LogDestinationPolicy, or keep "*" with a "StringEquals": {"aws:PrincipalOrgID": "o-..."} condition.'
#   compliance:
#     nist-800-53: ["AC-3", "AC-21"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	input.type in resource_types
	some stmt in iam_policies.public_statements(input.properties.accessPolicy)
	msg := sprintf("CloudWatch Logs destination policy %q has %s that lets any AWS account subscribe to the destination: name the accounts or add an aws:PrincipalOrgID condition.", [input.name, stmt])
}

resource_types := pulumi.with_aliases({"aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy"})
