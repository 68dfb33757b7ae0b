package aws.payments.kms_alias_prefix

import data.lib.pulumi

# METADATA
# title: Payments KMS aliases live under alias/payments/
# description: |
#   The payments team's key policy delegations (and its IAM conditions on
#   kms:ResourceAliases) assume every key it owns has an alias under
#   alias/payments/. A key aliased elsewhere escapes those guard rails.
# scope: document
# custom:
#   id: aws-payments-kms-alias-prefix
#   severity: low
#   concern: encryption
#   remediation: Name the alias alias/payments/<purpose> (EncryptionKey's alias argument).
#   compliance:
#     payments-standards: ["KEY-2"]
deny contains msg if {
	input.type in resource_types
	name := input.properties.name
	is_string(name)
	not pulumi.is_unknown(name)
	not startswith(name, "alias/payments/")
	msg := sprintf("KMS alias %q is outside alias/payments/: name it alias/payments/<purpose>.", [name])
}

# The types deny judges: stackguard consults the rule only for these (without resource_types,
# it would be consulted for every resource).
resource_types := pulumi.with_aliases({"aws:kms/alias:Alias"})
