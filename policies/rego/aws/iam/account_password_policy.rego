package aws.iam.account_password_policy

import data.lib.pulumi

# METADATA
# title: The account password policy asks for strong passwords
# description: |
#   An account password policy that lets IAM users choose short passwords, or passwords
#   without upper-case letters, lower-case letters, digits and symbols, makes their
#   console credentials guessable. The policy must require all four character classes and
#   at least 14 characters. Unknown settings are not judged.
# scope: document
# custom:
#   id: aws-iam-account-password-policy
#   severity: medium
#   concern: auth
#   remediation: 'Set minimum_password_length=14, require_uppercase_characters, require_lowercase_characters, require_numbers and require_symbols to True on aws.iam.AccountPasswordPolicy.'
#   compliance:
#     fsbp: ["IAM.7"]
#     cis-aws-foundations: ["1.8"]
#     nist-800-53: ["IA-5"]
#     pci-dss: ["8.3.6"]
deny contains msg if {
	input.type in resource_types
	weak := weaknesses
	count(weak) > 0
	msg := sprintf("Account password policy %q allows weak passwords: require upper- and lower-case letters, digits, symbols and at least 14 characters.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:iam/accountPasswordPolicy:AccountPasswordPolicy"})

requirements := ["requireUppercaseCharacters", "requireLowercaseCharacters", "requireNumbers", "requireSymbols"]

weaknesses contains key if {
	some key in requirements
	pulumi.is_false(input.properties, key)
}

weaknesses contains "minimumPasswordLength" if {
	not pulumi.unknown(input.properties, "minimumPasswordLength")
	object.get(input.properties, "minimumPasswordLength", 6) < 14
}
