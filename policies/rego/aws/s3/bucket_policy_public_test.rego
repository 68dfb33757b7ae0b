package aws.s3.bucket_policy_public_test

import data.aws.s3.bucket_policy_public

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

bucket_policy(policy) := {
	"type": "aws:s3/bucketPolicy:BucketPolicy",
	"urn": "urn:pulumi:prod::web::aws:s3/bucketPolicy:BucketPolicy::assets",
	"name": "assets",
	"properties": {"bucket": unknown, "policy": policy},
}

tls_only := {"Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::assets", "arn:aws:s3:::assets/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}

public_read := {"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::assets/*"}

cloudfront_read := {
	"Sid": "CloudFront", "Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"},
	"Action": "s3:GetObject", "Resource": "arn:aws:s3:::assets/*",
	"Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E1ABCDEF"}},
}

test_flags_public_read if {
	findings := bucket_policy_public.deny with input as bucket_policy(json.marshal({"Version": "2012-10-17", "Statement": [tls_only, public_read]}))
	findings == {"S3 bucket policy \"assets\" has a policy statement \"PublicRead\" (Principal \"*\") that makes the bucket public, with no condition narrowing the caller: name the principals (for CloudFront: Service cloudfront.amazonaws.com with an aws:SourceArn condition), or add an aws:PrincipalOrgID, aws:SourceVpce or aws:SourceArn condition."}
}

test_flags_legacy_bucket_policy_on_both_bucket_types if {
	every token in ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"] {
		count(bucket_policy_public.deny) == 1 with input as {"type": token, "name": "assets", "properties": {"bucket": "assets", "policy": {"Statement": public_read}}}
	}
}

test_flags_not_principal if {
	stmt := {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "s3:*", "Resource": "*"}
	findings := bucket_policy_public.deny with input as bucket_policy({"Statement": [stmt]})
	count(findings) == 1
	some msg in findings
	contains(msg, "statement #1 (NotPrincipal)")
}

test_passes_cloudfront_and_tls_only if {
	count(bucket_policy_public.deny) == 0 with input as bucket_policy({"Version": "2012-10-17", "Statement": [tls_only, cloudfront_read]})
}

test_passes_vpce_restricted_public_principal if {
	stmt := object.union(public_read, {"Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d"}}})
	count(bucket_policy_public.deny) == 0 with input as bucket_policy({"Statement": [stmt]})
}

test_unknown_policy_is_not_judged if {
	count(bucket_policy_public.deny) == 0 with input as bucket_policy(unknown)
}

test_flags_wildcard_pattern_condition if {
	stmt := object.union(public_read, {"Condition": {"StringLike": {"aws:SourceAccount": "1234*"}}})
	count(bucket_policy_public.deny) == 1 with input as bucket_policy({"Statement": [stmt]})
}

test_passes_vpc_endpoint_owner_condition if {
	stmt := object.union(public_read, {"Condition": {"StringEquals": {"aws:VpceAccount": "111122223333"}}})
	count(bucket_policy_public.deny) == 0 with input as bucket_policy({"Statement": [stmt]})
}
