package aws.s3.bucket_versioning

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: S3 buckets keep object versions
# description: |
#   Without versioning, an overwrite or a delete (a faulty deployment, ransomware, a
#   compromised key) destroys the only copy of an object. Each bucket of the stack must
#   have versioning enabled: an aws.s3.BucketVersioning (or BucketVersioningV2) whose
#   bucket is it with versioningConfiguration.status Enabled, or the bucket's own
#   (deprecated) versioning.enabled. A versioning resource whose bucket is unknown and
#   untraceable could cover any bucket, so nothing is reported then.
# scope: document
# custom:
#   id: aws-s3-bucket-versioning
#   severity: low
#   concern: iam
#   remediation: Add aws.s3.BucketVersioning(bucket=bucket.id, versioning_configuration=aws.s3.BucketVersioningVersioningConfigurationArgs(status="Enabled")) for each bucket.
#   compliance:
#     fsbp: ["S3.14"]
#     nist-800-53: ["CP-9", "SI-12"]
stack_deny contains {"urn": bucket.urn, "message": msg} if {
	not stack.untraceable(versionings, "bucket")
	some bucket in stack.of_type("aws:s3/bucket:Bucket")
	not versioned(bucket)
	msg := sprintf("S3 bucket %q does not keep object versions: add an aws.s3.BucketVersioning with status Enabled.", [bucket.name])
}

versioning_types := ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"]

versionings := [v | some t in versioning_types; some v in stack.of_type(t)]

enabled_versionings := [v |
	some v in versionings
	status := object.get(v.properties, ["versioningConfiguration", "status"], "")
	enabled_or_unknown(status)
]

enabled_or_unknown("Enabled")

enabled_or_unknown(status) if pulumi.is_unknown(status)

# Names and URNs of the buckets with versioning enabled (built once).
covered := stack.targets(enabled_versionings, "bucket")

versioned(bucket) if stack.referenced(bucket, ["bucket", "id"], covered)

versioned(bucket) if bucket.properties.versioning.enabled == true

versioned(bucket) if pulumi.unknown(bucket.properties, "versioning")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:s3/bucket:Bucket",
	"aws:s3/bucketVersioning:BucketVersioning",
	"aws:s3/bucketVersioningV2:BucketVersioningV2",
})
