package aws.cloudwatch.log_group_retention

import data.lib.pulumi

# METADATA
# title: CloudWatch log groups keep their events for the minimum retention period
# description: |
#   Logs are evidence: a log group whose retentionInDays is shorter than the minimum the
#   policy profile sets (minimumDays, 365 unless configured, the default of AWS Foundational
#   Security Best Practices CloudWatch.16) deletes events an investigation or audit may need.
#   A log group without retentionInDays (or with 0, which the API reads as unset) never
#   expires its events, which satisfies any minimum and is not flagged.
# scope: document
# custom:
#   id: aws-cloudwatch-log-group-retention
#   severity: low
#   concern: logging
#   remediation: Set retentionInDays to a supported period of at least the configured minimumDays (for example 365), or leave it unset to keep events forever.
#   compliance:
#     fsbp: ["CloudWatch.16"]
#     nist-800-53: ["AU-11", "SI-12"]
#     pci-dss: ["10.5.1"]
#   config:
#     minimumDays:
#       type: integer
#       minimum: 1
#       default: 365
#       description: Shortest accepted retention period, in days (365 by default; lower it where a profile accepts shorter retention).
deny contains msg if {
	input.type in resource_types
	days := input.properties.retentionInDays
	is_number(days)
	days > 0
	days < minimum_days
	msg := sprintf(
		"CloudWatch log group %q keeps its events for %v days, less than the required %v: raise retentionInDays (or leave it unset to keep them forever).",
		[input.name, days, minimum_days],
	)
}

resource_types := pulumi.with_aliases({"aws:cloudwatch/logGroup:LogGroup"})

default_minimum_days := 365

# minimum_days is the profile's minimumDays when it is a number, 365 otherwise.
minimum_days := days if {
	days := pulumi.config("aws-cloudwatch-log-group-retention").minimumDays
	is_number(days)
} else := default_minimum_days
