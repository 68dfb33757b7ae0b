package aws.cognito.user_pool_threat_protection

import data.lib.pulumi

# METADATA
# title: Cognito user pools enforce threat protection
# description: |
#   Without threat protection in full-function mode (userPoolAddOns.advancedSecurityMode
#   ENFORCED), a user pool treats a sign-in with a leaked password from an unknown device
#   like any other: no risk score, no challenge, no block. AUDIT only records the risk.
#   Threat protection needs the Plus feature plan. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-cognito-user-pool-threat-protection
#   severity: medium
#   concern: auth
#   remediation: 'Set user_pool_add_ons=aws.cognito.UserPoolUserPoolAddOnsArgs(advanced_security_mode="ENFORCED") and user_pool_tier="PLUS" on aws.cognito.UserPool, with a risk configuration.'
#   compliance:
#     fsbp: ["Cognito.1"]
#     nist-800-53: ["AC-7", "IA-2", "SI-4"]
deny contains msg if {
	input.type in resource_types
	mode := object.get(input.properties, ["userPoolAddOns", "advancedSecurityMode"], "OFF")
	not pulumi.is_unknown(mode)
	not pulumi.unknown(input.properties, "userPoolAddOns")
	mode != "ENFORCED"
	msg := sprintf("Cognito user pool %q does not enforce threat protection: set userPoolAddOns.advancedSecurityMode to ENFORCED.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:cognito/userPool:UserPool"})
