package aws.s3.bucket_public_access_block_missing

import data.lib.pulumi
import data.lib.s3
import data.lib.stack

# METADATA
# title: Every S3 bucket has a public access block
# description: |
#   aws-s3-bucket-public-access-block judges the blocks that exist; a bucket with none at
#   all depends on the default S3 applies at creation (all four settings on for buckets
#   created since April 2023), which the program does not state and which a console click
#   or another tool can switch off without the stack noticing. Each bucket of the stack needs an
#   aws.s3.BucketPublicAccessBlock whose bucket is it (found through its
#   propertyDependencies or, once deployed, the bucket name), unless the stack also sets
#   an aws.s3.AccountPublicAccessBlock with all four settings on, which covers every
#   bucket of the account. A block whose bucket is unknown and untraceable could cover
#   any bucket, so nothing is reported then.
# scope: document
# custom:
#   id: aws-s3-bucket-public-access-block-missing
#   severity: medium
#   concern: iam
#   remediation: Add aws.s3.BucketPublicAccessBlock(bucket=bucket.id, block_public_acls=True, ignore_public_acls=True, block_public_policy=True, restrict_public_buckets=True) for each bucket, or an account-wide aws.s3.AccountPublicAccessBlock.
#   compliance:
#     fsbp: ["S3.8"]
#     nist-800-53: ["AC-3", "AC-21"]
#     pci-dss: ["1.4.4"]
stack_deny contains {"urn": bucket.urn, "message": msg} if {
	not account_blocked
	not stack.untraceable(blocks, "bucket")
	some bucket in stack.of_type("aws:s3/bucket:Bucket")
	not stack.referenced(bucket, ["bucket", "id"], blocked)
	msg := sprintf("S3 bucket %q has no public access block: add an aws.s3.BucketPublicAccessBlock with all four settings true.", [bucket.name])
}

blocks := stack.of_type("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")

# Names and URNs of the buckets some public access block points to (built once).
blocked := stack.targets(blocks, "bucket")

account_blocked if {
	some block in stack.of_type("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock")
	count(s3.public_access_block_settings_off(block.properties)) == 0
}

# An account block whose settings are still unknown may cover every bucket.
account_blocked if {
	some block in stack.of_type("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock")
	some name in s3.public_access_block_settings
	pulumi.unknown(block.properties, name)
}

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
	"aws:s3/bucket:Bucket",
	"aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
})
