package aws.secretsmanager.secret_recovery_window

import data.lib.pulumi

# METADATA
# title: Secrets Manager secrets keep a long enough recovery window
# description: |
#   A deleted secret can be restored only during its recovery window
#   (recoveryWindowInDays, 7 to 30 days, AWS default 30); 0 deletes it at once,
#   without any recovery. Every client still using the secret then fails, and a
#   credential that only a vendor can reissue is gone. The window must not be shorter
#   than the minimum the policy profile sets (30 days unless configured); 0 is always
#   reported. stackguard.components.SecretStore keeps 30 days unless recovery_window_in_days is lowered.
# scope: document
# custom:
#   id: aws-secretsmanager-secret-recovery-window
#   severity: low
#   concern: encryption
#   remediation: Leave recoveryWindowInDays unset (30 days) or set it to at least the configured minimumDays; never 0.
#   compliance:
#     nist-800-53: ["CP-9", "CP-10"]
#   config:
#     minimumDays:
#       type: integer
#       minimum: 7
#       maximum: 30
#       default: 30
#       description: Shortest accepted recovery window of a deleted secret, in days.
deny contains msg if {
	days := recovery_window
	days == 0
	msg := sprintf(
		"Secrets Manager secret %q is deleted immediately, without a recovery window (recoveryWindowInDays is 0): leave it unset (30 days) or set it to at least %v.",
		[input.name, minimum_days],
	)
}

deny contains msg if {
	days := recovery_window
	days > 0
	days < minimum_days
	msg := sprintf(
		"Secrets Manager secret %q can be restored for only %v days after deletion: set recoveryWindowInDays to at least %v (or leave it unset for 30).",
		[input.name, days, minimum_days],
	)
}

resource_types := pulumi.with_aliases({"aws:secretsmanager/secret:Secret"})

# recovery_window is the known recoveryWindowInDays; undefined when unset (AWS default 30) or unknown.
recovery_window := days if {
	input.type in resource_types
	pulumi.known(input.properties, "recoveryWindowInDays")
	days := input.properties.recoveryWindowInDays
	is_number(days)
}

default_minimum_days := 30

# minimum_days is the profile's minimumDays when it is a number, 30 otherwise.
minimum_days := days if {
	days := pulumi.config("aws-secretsmanager-secret-recovery-window").minimumDays
	is_number(days)
} else := default_minimum_days
