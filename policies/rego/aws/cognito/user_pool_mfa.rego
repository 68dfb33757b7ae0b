package aws.cognito.user_pool_mfa

import data.lib.pulumi

# METADATA
# title: Cognito user pools require MFA
# description: |
#   A Cognito user pool that authenticates an API's callers must require
#   multi-factor authentication for every user (mfaConfiguration ON). OFF, the
#   default, leaves accounts open to credential stuffing and phishing; OPTIONAL is
#   flagged too, because users who never enrol keep signing in with a password alone.
# scope: document
# custom:
#   id: aws-cognito-user-pool-mfa
#   severity: high
#   concern: auth
#   remediation: Set mfaConfiguration to "ON" with softwareTokenMfaConfiguration (TOTP) enabled, or an SMS or email MFA configuration.
#   compliance:
#     nist-800-53: ["IA-2(1)", "IA-2(2)"]
#     owasp-api-top-10: ["API2:2023"]
deny contains msg if {
	is_user_pool
	pulumi.absent(input.properties, "mfaConfiguration")
	msg := sprintf("Cognito user pool %q does not require MFA (mfaConfiguration defaults to OFF): set mfaConfiguration to \"ON\" with a TOTP, SMS or email MFA configuration.", [input.name])
}

deny contains msg if {
	is_user_pool
	mode := input.properties.mfaConfiguration
	is_string(mode)
	not pulumi.is_unknown(mode)
	mode != "ON"
	msg := sprintf("Cognito user pool %q does not require MFA for every user (mfaConfiguration is %s): set mfaConfiguration to \"ON\" with a TOTP, SMS or email MFA configuration.", [input.name, mode_label(mode)])
}

resource_types := pulumi.with_aliases({"aws:cognito/userPool:UserPool"})

is_user_pool if input.type in resource_types

mode_label(mode) := mode if mode in {"OFF", "OPTIONAL"}

mode_label(mode) := "not ON" if not mode in {"OFF", "OPTIONAL"}
