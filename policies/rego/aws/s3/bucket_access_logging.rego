package aws.s3.bucket_access_logging

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: S3 buckets log the requests made to them
# description: |
#   Server access logs record every request to a bucket (requester, operation, key,
#   response), the evidence needed to tell which objects a leaked key read. Each bucket
#   of the stack needs an aws.s3.BucketLogging (or BucketLoggingV2) whose bucket is it
#   and which names a targetBucket, or the bucket's own (deprecated) logging.targetBucket.
#   A bucket that is itself the target of some bucket's logging is not asked to log
#   (logging a log bucket into itself loops). A logging resource whose bucket is unknown
#   and untraceable could cover any bucket, so nothing is reported then.
# scope: document
# custom:
#   id: aws-s3-bucket-access-logging
#   severity: low
#   concern: logging
#   remediation: Add aws.s3.BucketLogging(bucket=bucket.id, target_bucket=logs.id, target_prefix="records/") for each bucket.
#   compliance:
#     fsbp: ["S3.9"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
stack_deny contains {"urn": bucket.urn, "message": msg} if {
	not stack.untraceable(loggings, "bucket")
	some bucket in stack.of_type("aws:s3/bucket:Bucket")
	not logged(bucket)
	not stack.referenced(bucket, ["bucket", "id"], log_targets)
	msg := sprintf("S3 bucket %q does not log the requests made to it: add an aws.s3.BucketLogging with a target bucket.", [bucket.name])
}

logging_types := ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"]

loggings := [l |
	some t in logging_types
	some l in stack.of_type(t)
	not pulumi.absent(l.properties, "targetBucket")
]

# Names and URNs of the buckets that log, and of the buckets logs go to (built once).
logged_buckets := stack.targets(loggings, "bucket")

log_targets := stack.targets(loggings, "targetBucket") | {t |
	some b in stack.of_type("aws:s3/bucket:Bucket")
	t := b.properties.logging.targetBucket
	is_string(t)
}

logged(bucket) if stack.referenced(bucket, ["bucket", "id"], logged_buckets)

logged(bucket) if not pulumi.absent(object.get(bucket.properties, "logging", {}), "targetBucket")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:s3/bucket:Bucket",
	"aws:s3/bucketLogging:BucketLogging",
	"aws:s3/bucketLoggingV2:BucketLoggingV2",
})
