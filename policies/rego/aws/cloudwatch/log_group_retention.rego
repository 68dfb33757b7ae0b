package aws.cloudwatch.log_group_retention

import data.lib.pulumi

# METADATA
# title: CloudWatch log groups expire their events
# description: |
#   A log group without retentionInDays (or with 0) keeps every event forever: the
#   stored data, and with it the exposure of whatever the logs contain and the cost,
#   grow without bound. A retention period must be set, and must not be shorter than
#   the minimum the policy profile sets (minimumDays; 1 unless configured).
# scope: document
# custom:
#   id: aws-cloudwatch-log-group-retention
#   severity: low
#   concern: encryption
#   remediation: Set retentionInDays to a supported period of at least the configured minimumDays (for example 365).
#   compliance:
#     nist-800-53: ["AU-11", "SI-12"]
#   config:
#     minimumDays:
#       type: integer
#       minimum: 1
#       default: 1
#       description: Shortest accepted retention period, in days (for example 365 where audit logs must be kept a year).
deny contains msg if {
	pulumi.is_type(input, "aws:cloudwatch/logGroup:LogGroup")
	kept_forever(input.properties)
	msg := sprintf(
		"CloudWatch log group %q keeps its events forever: set retentionInDays to a retention period of at least %v days.",
		[input.name, minimum_days],
	)
}

deny contains msg if {
	pulumi.is_type(input, "aws:cloudwatch/logGroup:LogGroup")
	days := input.properties.retentionInDays
	is_number(days)
	days > 0
	days < minimum_days
	msg := sprintf(
		"CloudWatch log group %q keeps its events for %v days, less than the required %v: raise retentionInDays.",
		[input.name, days, minimum_days],
	)
}

kept_forever(props) if pulumi.absent(props, "retentionInDays")

kept_forever(props) if props.retentionInDays == 0

default_minimum_days := 1

# minimum_days is the profile's minimumDays when it is a number, 1 otherwise.
minimum_days := days if {
	days := pulumi.config("aws-cloudwatch-log-group-retention").minimumDays
	is_number(days)
} else := default_minimum_days
