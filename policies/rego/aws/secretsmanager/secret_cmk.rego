package aws.secretsmanager.secret_cmk

import data.lib.pulumi

# METADATA
# title: Secrets Manager secrets use a customer-managed KMS key
# description: |
#   Without kmsKeyId, a secret is encrypted under the AWS-managed key
#   aws/secretsmanager, whose key policy cannot be changed: access to the secret
#   cannot be limited through the key, the key cannot be shared across accounts
#   and its use cannot be revoked. A customer-managed key keeps that control.
# scope: document
# custom:
#   id: aws-secretsmanager-secret-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set kmsKeyId to a customer-managed KMS key (for example stackguard.components.EncryptionKey).
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "kmsKeyId")
	msg := sprintf(
		"Secrets Manager secret %q is encrypted with the AWS-managed key: set kmsKeyId to a customer-managed KMS key.",
		[input.name],
	)
}

deny contains msg if {
	input.type in resource_types
	aws_managed_alias(input.properties.kmsKeyId)
	msg := sprintf(
		"Secrets Manager secret %q names the AWS-managed key alias/aws/secretsmanager as kmsKeyId: use a customer-managed KMS key instead.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:secretsmanager/secret:Secret"})

# aws_managed_alias(key) holds for the AWS-managed key's alias, by name or ARN.
aws_managed_alias(key) if {
	is_string(key)
	regex.match(`^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias/aws/`, key)
}
