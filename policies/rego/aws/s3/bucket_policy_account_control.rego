package aws.s3.bucket_policy_account_control

import data.lib.iam
import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: S3 bucket policies do not let other accounts take control of the bucket
# description: |
#   A bucket policy that allows another AWS principal s3:DeleteBucketPolicy,
#   s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration or s3:PutObjectAcl
#   (directly or through a wildcard such as s3:* or s3:Put*) lets that principal rewrite
#   who may read the bucket, make objects public or remove the encryption: control of the
#   bucket passes to whoever holds it. Grants to principals named by account id or ARN are
#   reported, since the rule cannot tell your account from another's; exempt a grant to
#   your own administration role with that reason. Service principals, the public
#   principal (aws-s3-bucket-policy-public) and unknown policies are not judged.
# scope: document
# custom:
#   id: aws-s3-bucket-policy-account-control
#   severity: medium
#   concern: iam
#   remediation: Grant other accounts only the data actions they need (s3:GetObject, s3:PutObject with bucket-owner-full-control); keep policy, ACL and encryption changes to the owner account's IAM policies.
#   compliance:
#     fsbp: ["S3.6"]
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	some token, kind in kinds
	pulumi.is_type(input, token)
	some a in iam_policies.allow_statements(input.properties.policy)
	principals := account_principals(a.statement)
	count(principals) > 0
	controlled := {action | some action in control_actions; iam_policies.grants(a.statement, action)}
	count(controlled) > 0
	msg := sprintf("%s %q: %s lets %s change the bucket's access or encryption (%s): grant only the data actions needed.", [kind, input.name, a.label, concat(", ", sort(principals)), concat(", ", sort(controlled))])
}

resource_types := pulumi.with_aliases(object.keys(kinds))

kinds := {
	"aws:s3/bucket:Bucket": "S3 bucket",
	"aws:s3/bucketPolicy:BucketPolicy": "S3 bucket policy",
}

control_actions := {"s3:deletebucketpolicy", "s3:putbucketacl", "s3:putbucketpolicy", "s3:putencryptionconfiguration", "s3:putobjectacl"}

# account_principals(stmt) is the set of AWS principals named by account id or ARN.
account_principals(stmt) := {p |
	is_object(stmt.Principal)
	some p in iam.as_list(object.get(stmt.Principal, "AWS", []))
	is_string(p)
	regex.match(`^(\d{12}|arn:aws[a-z-]*:(iam|sts)::\d{12}:.+)$`, p)
}
