package aws.cloudwatch.log_group_kms

import data.lib.pulumi

# METADATA
# title: CloudWatch log groups are encrypted with a customer-managed KMS key
# description: |
#   Without kmsKeyId, CloudWatch Logs encrypts a log group with a service key that
#   no key policy governs. Logs often carry tokens, identifiers and request data;
#   a customer-managed key lets access to them be limited, audited and revoked.
# scope: document
# custom:
#   id: aws-cloudwatch-log-group-kms
#   severity: medium
#   concern: encryption
#   remediation: Set kmsKeyId to the ARN of a customer-managed KMS key whose policy allows the logs service principal.
#   compliance:
#     nist-800-53: ["AU-9", "SC-28"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "kmsKeyId")
	msg := sprintf(
		"CloudWatch log group %q is not encrypted with a customer-managed KMS key: set kmsKeyId to the ARN of a KMS key that allows the CloudWatch Logs service.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:cloudwatch/logGroup:LogGroup"})
