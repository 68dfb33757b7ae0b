package aws.kms.key_deletion_window

import data.lib.pulumi

# METADATA
# title: KMS keys keep a long enough deletion waiting period
# description: |
#   Deleting a KMS key makes everything encrypted under it unreadable for good. The
#   waiting period (deletionWindowInDays, 7 to 30 days, AWS default 30) is the only
#   time in which a mistaken or malicious deletion can be cancelled; it must not be
#   shorter than the minimum the policy profile sets (30 days unless configured).
# scope: document
# custom:
#   id: aws-kms-key-deletion-window
#   severity: medium
#   concern: encryption
#   remediation: Leave deletionWindowInDays unset (30 days) or set it to at least the configured minimumDays.
#   compliance:
#     fsbp: ["KMS.3"]
#     nist-800-53: ["SC-12"]
#   config:
#     minimumDays:
#       type: integer
#       minimum: 7
#       maximum: 30
#       default: 30
#       description: Shortest accepted deletion waiting period, in days.
deny contains msg if {
	input.type in resource_types
	pulumi.known(input.properties, "deletionWindowInDays")
	days := input.properties.deletionWindowInDays
	is_number(days)
	days < minimum_days
	msg := sprintf(
		"KMS key %q can be deleted after a waiting period of only %v days: set deletionWindowInDays to at least %v (or leave it unset for 30) so that a scheduled deletion can still be cancelled.",
		[input.name, days, minimum_days],
	)
}

resource_types := pulumi.with_aliases({"aws:kms/key:Key"})

default_minimum_days := 30

# minimum_days is the profile's minimumDays when it is a number, 30 otherwise.
minimum_days := days if {
	days := pulumi.config("aws-kms-key-deletion-window").minimumDays
	is_number(days)
} else := default_minimum_days
