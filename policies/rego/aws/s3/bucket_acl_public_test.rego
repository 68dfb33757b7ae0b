package aws.s3.bucket_acl_public_test

import data.aws.s3.bucket_acl_public

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

all_users := "http://acs.amazonaws.com/groups/global/AllUsers"

bucket_acl(props) := {
	"type": "aws:s3/bucketAcl:BucketAcl",
	"urn": "urn:pulumi:prod::web::aws:s3/bucketAcl:BucketAcl::assets-acl",
	"name": "assets-acl",
	"properties": object.union({"bucket": "assets-7f3a9c1"}, props),
}

bucket(type, props) := {"type": type, "urn": sprintf("urn:pulumi:prod::web::%s::assets", [type]), "name": "assets", "properties": props}

owner := {"id": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}

test_flags_public_canned_acl if {
	findings := bucket_acl_public.deny with input as bucket_acl({"acl": "public-read"})
	findings == {"S3 bucket ACL \"assets-acl\" grants read access to everyone (canned ACL public-read) through its ACL: use the private ACL (or disable ACLs) and grant access with a bucket policy that names the readers."}
}

test_flags_each_public_canned_acl_on_buckets_and_acls if {
	every acl in ["public-read", "public-read-write", "authenticated-read"] {
		count(bucket_acl_public.deny) == 1 with input as bucket_acl({"acl": acl})
		count(bucket_acl_public.deny) == 1 with input as bucket("aws:s3/bucket:Bucket", {"acl": acl})
		count(bucket_acl_public.deny) == 1 with input as bucket("aws:s3/bucketV2:BucketV2", {"acl": acl})
	}
}

test_flags_access_control_policy_grant_to_all_users if {
	acl := bucket_acl({"accessControlPolicy": {"owner": owner, "grants": [
		{"grantee": {"type": "CanonicalUser", "id": owner.id}, "permission": "FULL_CONTROL"},
		{"grantee": {"type": "Group", "uri": all_users}, "permission": "READ"},
	]}})
	findings := bucket_acl_public.deny with input as acl
	count(findings) == 1
	some msg in findings
	contains(msg, "READ to everyone (grant to http://acs.amazonaws.com/groups/global/AllUsers)")
}

test_flags_bucket_grant_to_authenticated_users if {
	b := bucket("aws:s3/bucket:Bucket", {"grants": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "permissions": ["READ", "WRITE"]}]})
	findings := bucket_acl_public.deny with input as b
	count(findings) == 1
	some msg in findings
	contains(msg, "READ, WRITE to every AWS account")
}

test_flags_legacy_bucket_acl_v2_token if {
	acl := object.union(bucket_acl({"acl": "public-read-write"}), {"type": "aws:s3/bucketAclV2:BucketAclV2"})
	count(bucket_acl_public.deny) == 1 with input as acl
}

test_passes_private_and_log_delivery_acls if {
	every acl in ["private", "log-delivery-write", "bucket-owner-full-control"] {
		count(bucket_acl_public.deny) == 0 with input as bucket_acl({"acl": acl})
	}
	logs := bucket_acl({"accessControlPolicy": {"owner": owner, "grants": [
		{"grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"}, "permission": "WRITE"},
	]}})
	count(bucket_acl_public.deny) == 0 with input as logs
	count(bucket_acl_public.deny) == 0 with input as bucket("aws:s3/bucket:Bucket", {"bucket": "assets-7f3a9c1"})
}

test_unknown_values_are_not_judged if {
	count(bucket_acl_public.deny) == 0 with input as bucket_acl({"acl": unknown})
	count(bucket_acl_public.deny) == 0 with input as bucket_acl({"accessControlPolicy": unknown})
	count(bucket_acl_public.deny) == 0 with input as bucket("aws:s3/bucket:Bucket", {"grants": [{"type": "Group", "uri": unknown, "permissions": ["READ"]}]})
}

test_flags_public_write_acp_grant if {
	# WRITE_ACP lets anyone rewrite the ACL itself, and so grant themselves everything else.
	acl := {"accessControlPolicy": {"owner": owner, "grants": [{"grantee": {"type": "Group", "uri": all_users}, "permission": "WRITE_ACP"}]}}
	findings := bucket_acl_public.deny with input as bucket_acl(acl)
	count(findings) == 1
	some f in findings
	contains(f, "WRITE_ACP to everyone")
	grants := {"grants": [{"type": "Group", "uri": all_users, "permissions": ["WRITE_ACP"]}]}
	count(bucket_acl_public.deny) == 1 with input as bucket("aws:s3/bucket:Bucket", grants)
}
