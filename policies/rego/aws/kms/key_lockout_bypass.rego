package aws.kms.key_lockout_bypass

import data.lib.pulumi

# METADATA
# title: KMS keys keep the policy lockout safety check
# description: |
#   With bypassPolicyLockoutSafetyCheck set, KMS accepts a key policy that no longer
#   lets the caller (or anyone) manage the key. The key can then become unmanageable,
#   and the data under it unrecoverable, until AWS Support intervenes.
# scope: document
# custom:
#   id: aws-kms-key-lockout-bypass
#   severity: medium
#   concern: encryption
#   remediation: Remove bypassPolicyLockoutSafetyCheck (or set it to false) and fix the key policy so it keeps an administrator.
#   compliance:
#     nist-800-53: ["SC-12"]
deny contains msg if {
	input.type in resource_types
	input.properties.bypassPolicyLockoutSafetyCheck == true
	msg := sprintf(
		"KMS key %q bypasses the policy lockout safety check: remove bypassPolicyLockoutSafetyCheck and keep a key administrator in the key policy, or the key may become unmanageable.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:kms/key:Key"})
