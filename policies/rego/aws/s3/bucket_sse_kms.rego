package aws.s3.bucket_sse_kms

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: S3 buckets are encrypted with SSE-KMS
# description: |
#   Every bucket must encrypt new objects with a KMS key (sseAlgorithm aws:kms or
#   aws:kms:dsse), through a BucketServerSideEncryptionConfiguration that refers to it
#   or, for a legacy bucket, its inline serverSideEncryptionConfiguration. The S3
#   default (SSE-S3, AES256) uses keys that no key policy governs, so access to the
#   data cannot be limited or revoked through the key, nor its use audited.
# scope: document
# custom:
#   id: aws-s3-bucket-sse-kms
#   severity: medium
#   concern: encryption
#   remediation: Add a BucketServerSideEncryptionConfiguration for the bucket with sseAlgorithm "aws:kms" and a customer-managed kmsMasterKeyId.
#   compliance:
#     fsbp: ["S3.17"]
#     nist-800-53: ["SC-12", "SC-28"]
stack_deny contains {"urn": bucket.urn, "message": msg} if {
	some bucket in buckets
	not stack.referenced(bucket, ["bucket"], kms_targets)
	not kms_or_unknown(inline_algorithms(bucket.properties))
	msg := message(bucket)
}

message(bucket) := sprintf(
	"S3 bucket %q has an encryption configuration that does not use SSE-KMS: set applyServerSideEncryptionByDefault.sseAlgorithm to \"aws:kms\" with a customer-managed kmsMasterKeyId.",
	[bucket.name],
) if {
	configured(bucket)
} else := sprintf(
	"S3 bucket %q is not encrypted with SSE-KMS: add a BucketServerSideEncryptionConfiguration for it with sseAlgorithm \"aws:kms\" and a customer-managed kmsMasterKeyId.",
	[bucket.name],
)

configured(bucket) if stack.referenced(bucket, ["bucket"], config_targets)

configured(bucket) if count(inline_algorithms(bucket.properties)) > 0

buckets := stack.of_type("aws:s3/bucket:Bucket")

configs := stack.of_type("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")

# Buckets referred to by any encryption configuration, and by one that uses KMS
# (or that a preview cannot judge yet).
config_targets := stack.targets(configs, "bucket")

kms_targets := stack.targets([c | some c in configs; kms_or_unknown(algorithms([c.properties]))], "bucket")

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

kms_or_unknown(algs) if {
	some alg in algs
	alg in kms_algorithms
}

kms_or_unknown(algs) if {
	some alg in algs
	pulumi.is_unknown(alg)
}

# inline_algorithms(props) is the set of sseAlgorithm values of a bucket's inline configuration:
# serverSideEncryptionConfiguration.rule (Bucket) or serverSideEncryptionConfigurations[].rules[] (BucketV2).
inline_algorithms(props) := algorithms(children(props, ["serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations"]))

# algorithms(configurations) is the set of sseAlgorithm values of their rules; a value that is
# unknown at any level (the rules, a rule, its default, the algorithm) is in the set as itself.
algorithms(configurations) := {alg |
	some configuration in configurations
	some rule in children(configuration, ["rule", "rules"])
	some by_default in children(rule, ["applyServerSideEncryptionByDefault", "applyServerSideEncryptionByDefaults"])
	some alg in children(by_default, ["sseAlgorithm"])
}

# children(node, keys) is the list of values at any of the keys of node, lists flattened
# one level; an unknown node stands for its own children.
children(node, _) := [node] if pulumi.is_unknown(node)

children(node, keys) := [child |
	some key in keys
	some child in as_list(object.get(node, key, []))
	child != null
] if is_object(node)

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:s3/bucket:Bucket",
	"aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
})
