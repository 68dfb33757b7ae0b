# METADATA
# description: |
#   Helpers for the customer-managed-key rules: whether a key reference names an
#   AWS-managed key (alias/aws/<service>, by name or ARN), whether a resource names
#   no customer-managed key at a property, and whether the policy profile asks for
#   customer-managed keys (the rule parameter requireCustomerManagedKey, on unless
#   the profile sets it to false).
package lib.kms

import data.lib.pulumi

# aws_managed_alias(key) holds for an AWS-managed key's alias, by name or ARN,
# e.g. "alias/aws/sqs" or "arn:aws:kms:eu-west-1:123456789012:alias/aws/ssm".
aws_managed_alias(key) if {
	is_string(key)
	regex.match(`^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias/aws/`, key)
}

# without_customer_key(obj, key) holds when obj names no customer-managed key at key:
# the key is absent (the service then uses its AWS-managed or AWS-owned key) or names
# an AWS-managed alias. An unknown key (a preview sentinel) is never reported.
without_customer_key(obj, key) if pulumi.absent(obj, key)

without_customer_key(obj, key) if aws_managed_alias(obj[key])

# required(rule_id) holds unless the profile turns the rule's requireCustomerManagedKey
# parameter off: customer-managed keys are asked for by default.
required(rule_id) if not pulumi.config(rule_id).requireCustomerManagedKey == false
