package aws.ssm.parameter_cmk

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: SSM SecureString parameters use a customer-managed KMS key
# description: |
#   A SecureString parameter without keyId is encrypted under the AWS-managed key
#   alias/aws/ssm, whose key policy lets every principal of the account that may call
#   ssm:GetParameter decrypt it: the secret cannot be limited to its readers through
#   the key, nor shared with another account. Where the profile asks for it
#   (requireCustomerManagedKey, on unless turned off), keyId must name a
#   customer-managed key.
# scope: document
# custom:
#   id: aws-ssm-parameter-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set keyId to a customer-managed key, e.g. aws.ssm.Parameter("db-password", type="SecureString", key_id=key.arn, value=...).
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts the AWS-managed key alias/aws/ssm.
deny contains msg if {
	input.type in resource_types
	input.properties.type == "SecureString"
	kms.required("aws-ssm-parameter-cmk")
	kms.without_customer_key(input.properties, "keyId")
	msg := sprintf(
		"SSM SecureString parameter %q is encrypted with the AWS-managed key alias/aws/ssm: set keyId to a customer-managed KMS key so that only its readers can decrypt it.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:ssm/parameter:Parameter"})
