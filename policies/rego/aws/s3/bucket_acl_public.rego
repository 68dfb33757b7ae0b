package aws.s3.bucket_acl_public

import data.lib.iam
import data.lib.pulumi

# METADATA
# title: S3 bucket ACLs do not grant access to everyone
# description: |
#   A bucket ACL that grants the AllUsers group (anyone on the internet) or the
#   AuthenticatedUsers group (anyone with any AWS account) opens the bucket to them: the
#   canned ACLs public-read, public-read-write and authenticated-read, or a grant whose
#   grantee URI is http://acs.amazonaws.com/groups/global/AllUsers or …/AuthenticatedUsers.
#   Checked on BucketAcl (acl, accessControlPolicy.grants) and on the acl and grants inputs
#   of Bucket/BucketV2. AWS recommends keeping ACLs disabled (Object Ownership
#   BucketOwnerEnforced) and granting access with policies.
# scope: document
# custom:
#   id: aws-s3-bucket-acl-public
#   severity: critical
#   concern: iam
#   remediation: Use the private canned ACL (or disable ACLs with Object Ownership BucketOwnerEnforced) and grant the readers that need access through a bucket policy naming them.
#   compliance:
#     fsbp: ["S3.2", "S3.3", "S3.12"]
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["1.4.1", "7.2.1"]
deny contains msg if {
	some kind, token in checked_types
	pulumi.is_type(input, token)
	some grant in public_grants(input.properties)
	msg := sprintf(
		"%s %q grants %s through its ACL: use the private ACL (or disable ACLs) and grant access with a bucket policy that names the readers.",
		[kind, input.name, grant],
	)
}

resource_types := pulumi.with_aliases({token | some token in checked_types})

checked_types := {"S3 bucket": "aws:s3/bucket:Bucket", "S3 bucket ACL": "aws:s3/bucketAcl:BucketAcl"}

public_canned_acls := {
	"public-read": "read access to everyone (canned ACL public-read)",
	"public-read-write": "read and write access to everyone (canned ACL public-read-write)",
	"authenticated-read": "read access to every AWS account (canned ACL authenticated-read)",
}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers": "everyone",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "every AWS account",
}

# public_grants(props) describes each public grant of a bucket's or a BucketAcl's inputs.
public_grants(props) := {d | d := public_canned_acls[props.acl]} | {describe(g.uri, g.permissions) |
	some g in grants(props)
	public_groups[g.uri]
}

# grants(props) is the list of {"uri", "permissions"} of the ACL's grants: Bucket.grants[]
# (permissions a list) or BucketAcl.accessControlPolicy.grants[] (grantee.uri, one permission).
grants(props) := array.concat(
	[{"uri": g.uri, "permissions": iam.as_list(g.permissions)} | some g in object.get(props, "grants", [])],
	[{"uri": g.grantee.uri, "permissions": [g.permission]} | some g in object.get(props, ["accessControlPolicy", "grants"], [])],
)

describe(uri, permissions) := sprintf("%s to %s (grant to %s)", [concat(", ", sort(permissions)), public_groups[uri], uri])
