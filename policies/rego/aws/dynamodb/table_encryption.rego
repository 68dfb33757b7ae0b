package aws.dynamodb.table_encryption

import data.lib.pulumi

# METADATA
# title: DynamoDB tables are encrypted with a KMS key
# description: |
#   Without serverSideEncryption enabled, a table is encrypted with an AWS-owned key
#   that does not appear in the account: its use is not logged in CloudTrail and
#   access to the data cannot be limited or revoked through a key policy. Enabling
#   serverSideEncryption uses a KMS key (customer-managed with kmsKeyArn).
# scope: document
# custom:
#   id: aws-dynamodb-table-encryption
#   severity: medium
#   concern: encryption
#   remediation: Set serverSideEncryption.enabled to true and serverSideEncryption.kmsKeyArn to a customer-managed KMS key.
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
deny contains msg if {
	input.type in resource_types
	aws_owned_key(input.properties)
	msg := sprintf(
		"DynamoDB table %q is encrypted only with an AWS-owned key: set serverSideEncryption.enabled to true with kmsKeyArn set to a customer-managed KMS key.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:dynamodb/table:Table"})

aws_owned_key(props) if pulumi.absent(props, "serverSideEncryption")

aws_owned_key(props) if {
	is_object(props.serverSideEncryption)
	pulumi.is_false(props.serverSideEncryption, "enabled")
}
