package aws.iam.policy_wildcard_resources

import data.lib.iam
import data.lib.iam_policies

# METADATA
# title: IAM policies do not grant on ARN patterns of any account, bucket or key
# description: |
#   An Allow statement of an identity policy whose Resource is an ARN pattern that reaches
#   beyond one account's named resources grants its actions far wider than the workload needs:
#   a wildcard account with a wildcard resource (sts:AssumeRole on arn:aws:iam::*:role/*
#   chains into every role of any account that trusts the holder), every object of every
#   bucket (arn:aws:s3:::*/*), every key or alias (arn:aws:kms:*:*:key/*), or an ARN whose
#   resource part is only wildcards (arn:aws:s3:::*). Resource "*" is left to
#   aws-iam-policy-scopable-actions-any-resource, and iam:PassRole patterns to
#   aws-iam-policy-pass-role-wildcard.
# scope: document
# custom:
#   id: aws-iam-policy-wildcard-resources
#   severity: medium
#   concern: iam
#   remediation: Name the ARNs of the roles, buckets, objects or keys the workload uses (for example arn:aws:s3:::orders-bucket/*) in Resource.
#   compliance:
#     nist-800-53: ["AC-6"]
#     pci-dss: ["7.2.1", "7.2.2"]
deny contains msg if {
	some d in iam_policies.identity_documents(input)
	some a in iam_policies.allow_statements(d.document)
	wide := {r | some r in iam.resources(a.statement); wildcard_arn(r)}
	count(wide) > 0
	msg := sprintf(
		"%s allows %s on %s in its %s: name the ARNs of the resources the workload uses instead.",
		[d.subject, concat(", ", sort(iam.actions(a.statement))), concat(", ", sort(wide)), a.label],
	)
}

resource_types := iam_policies.identity_document_types

# wildcard_arn(r) holds for an ARN pattern of any account's resources, of every object of
# every bucket, of every KMS key or alias, or whose resource part is only wildcards.
wildcard_arn(r) if {
	[_, service, account, name] := arn_parts(r)
	wild(account)
	wild(name)
	service != ""
}

wildcard_arn(r) if {
	[_, _, account, name] := arn_parts(r)
	account == ""
	regex.match(`^[*?/]+$`, name)
	contains(name, "/")
}

wildcard_arn(r) if {
	[_, service, _, name] := arn_parts(r)
	service == "kms"
	regex.match(`^(key|alias)/[*?]+$`, name)
}

wildcard_arn(r) if {
	[_, _, _, name] := arn_parts(r)
	regex.match(`^[*?]+$`, name)
}

wild(part) if regex.match(`[*?]`, part)

# arn_parts(r) is [partition, service, account, resource] of an ARN (the region is not needed).
arn_parts(r) := [m[1], m[2], m[3], m[4]] if {
	is_string(r)
	[m] := regex.find_all_string_submatch_n(`^arn:([^:]*):([^:]*):[^:]*:([^:]*):(.*)$`, r, 1)
}
