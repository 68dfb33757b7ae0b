package aws.dynamodb.table_cmk

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: DynamoDB tables use a customer-managed KMS key
# description: |
#   A table with serverSideEncryption enabled but no kmsKeyArn is encrypted under the
#   AWS-managed key alias/aws/dynamodb, whose key policy cannot be changed: access to
#   the items cannot be limited or revoked through the key. Where the profile asks for
#   it (requireCustomerManagedKey, on unless turned off), kmsKeyArn must name a
#   customer-managed key. A table left on the AWS-owned key is reported by
#   aws-dynamodb-table-encryption.
# scope: document
# custom:
#   id: aws-dynamodb-table-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set serverSideEncryption.kmsKeyArn, e.g. aws.dynamodb.Table("orders", server_side_encryption=aws.dynamodb.TableServerSideEncryptionArgs(enabled=True, kms_key_arn=key.arn), ...).
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts the AWS-managed key alias/aws/dynamodb.
deny contains msg if {
	input.type in resource_types
	sse := input.properties.serverSideEncryption
	sse.enabled == true
	kms.required("aws-dynamodb-table-cmk")
	kms.without_customer_key(sse, "kmsKeyArn")
	msg := sprintf(
		"DynamoDB table %q is encrypted with the AWS-managed key alias/aws/dynamodb: set serverSideEncryption.kmsKeyArn to a customer-managed KMS key.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:dynamodb/table:Table"})
