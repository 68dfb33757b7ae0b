package aws.s3.bucket_lifecycle

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: S3 buckets have a lifecycle configuration
# description: |
#   Without lifecycle rules a bucket keeps every object, and with versioning every
#   noncurrent version and delete marker, forever: data past its retention stays
#   exposed to whoever gains access later, and costs grow without end. Each bucket of the
#   stack needs an aws.s3.BucketLifecycleConfiguration (or V2) whose bucket is it, or the
#   bucket's own (deprecated) lifecycleRules. A configuration whose bucket is unknown and
#   untraceable could cover any bucket, so nothing is reported then.
# scope: document
# custom:
#   id: aws-s3-bucket-lifecycle
#   severity: low
#   concern: iam
#   remediation: Add aws.s3.BucketLifecycleConfiguration(bucket=bucket.id, rules=[...]) that expires or transitions objects and noncurrent versions after your retention period.
#   compliance:
#     fsbp: ["S3.13"]
#     nist-800-53: ["SI-12"]
stack_deny contains {"urn": bucket.urn, "message": msg} if {
	not stack.untraceable(configurations, "bucket")
	some bucket in stack.of_type("aws:s3/bucket:Bucket")
	not stack.referenced(bucket, ["bucket", "id"], covered)
	not inline_rules(bucket)
	msg := sprintf("S3 bucket %q has no lifecycle configuration, so objects are kept forever: add an aws.s3.BucketLifecycleConfiguration.", [bucket.name])
}

configuration_types := [
	"aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
	"aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
]

configurations := [c | some t in configuration_types; some c in stack.of_type(t)]

covered := stack.targets(configurations, "bucket")

inline_rules(bucket) if count(object.get(bucket.properties, "lifecycleRules", [])) > 0

inline_rules(bucket) if pulumi.unknown(bucket.properties, "lifecycleRules")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:s3/bucket:Bucket",
	"aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
	"aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
})
