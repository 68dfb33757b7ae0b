package aws.s3.bucket_tls_only

import data.lib.iam
import data.lib.pulumi
import data.lib.stack

# METADATA
# title: S3 buckets refuse requests that do not use TLS
# description: |
#   Every S3 bucket must have a bucket policy that denies all S3 actions to every
#   principal when the request does not use TLS: a Deny statement for Principal "*",
#   Action "s3:*" (or "*") and the condition Bool (or BoolIfExists)
#   aws:SecureTransport "false". The policy may be an aws:s3/bucketPolicy:BucketPolicy
#   whose bucket refers to the bucket, or the legacy inline policy of the bucket.
#   Without it, S3 answers plain-HTTP requests and data can cross the network unencrypted.
#   A BucketPolicy for a bucket the stack does not deploy (created elsewhere, named by its
#   name) is judged on its own: it is that bucket's whole policy, so it must carry the
#   statement itself.
# scope: document
# custom:
#   id: aws-s3-bucket-tls-only
#   severity: high
#   concern: https
#   remediation: Add a BucketPolicy with a statement {Effect "Deny", Principal "*", Action "s3:*", Resource [bucket ARN, bucket ARN + "/*"], Condition {Bool {"aws:SecureTransport" "false"}}}.
#   compliance:
#     fsbp: ["S3.5"]
#     cis-aws-foundations: ["2.1.1"]
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
stack_deny contains {"urn": bucket.urn, "message": msg} if {
	policies := stack.of_type("aws:s3/bucketPolicy:BucketPolicy")
	enforced := stack.targets([p | some p in policies; denies_insecure_transport(p.properties.policy)], "bucket")
	undecided := stack.targets([p | some p in policies; pulumi.unknown(p.properties, "policy")], "bucket")
	some bucket in stack.of_type("aws:s3/bucket:Bucket")
	not stack.referenced(bucket, bucket_names, enforced)
	not stack.referenced(bucket, bucket_names, undecided)
	not pulumi.unknown(bucket.properties, "policy")
	not denies_insecure_transport(object.get(bucket.properties, "policy", null))
	msg := sprintf("S3 bucket %q does not refuse requests without TLS: add a BucketPolicy statement that denies \"s3:*\" to Principal \"*\" when \"aws:SecureTransport\" is \"false\".", [bucket.name])
}

stack_deny contains {"urn": policy.urn, "message": msg} if {
	buckets := stack.of_type("aws:s3/bucket:Bucket")
	deployed := {b.urn | some b in buckets} | {v | some b in buckets; some key in bucket_names; v := b.properties[key]; is_string(v)}
	some policy in stack.of_type("aws:s3/bucketPolicy:BucketPolicy")
	refs := stack.refs(policy, "bucket")
	count(refs) > 0
	count(refs & deployed) == 0
	pulumi.known(policy.properties, "policy")
	not denies_insecure_transport(policy.properties.policy)
	msg := sprintf("S3 bucket policy %q replaces the policy of a bucket this stack does not deploy and does not refuse requests without TLS: add a statement that denies \"s3:*\" to Principal \"*\" when \"aws:SecureTransport\" is \"false\".", [policy.name])
}

# The bucket properties that a BucketPolicy's bucket may hold (its name, also its id).
bucket_names := ["bucket", "id"]

# denies_insecure_transport(policy) holds when the policy document (JSON text or object)
# has a Deny statement for every principal and every S3 action on non-TLS requests.
denies_insecure_transport(policy) if {
	some statement in iam.statements(policy)
	statement.Effect == "Deny"
	"*" in iam.principals(statement)
	some action in iam.actions(statement)
	action in {"*", "s3:*"}
	insecure_transport_condition(statement)
}

insecure_transport_condition(statement) if {
	some operator, block in statement.Condition
	lower(operator) in {"bool", "boolifexists"}
	some key, value in block
	lower(key) == "aws:securetransport"
	some v in iam.as_list(value)
	false_value(v)
}

false_value(false)

false_value(v) if {
	is_string(v)
	lower(v) == "false"
}

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:s3/bucket:Bucket",
	"aws:s3/bucketPolicy:BucketPolicy",
})
