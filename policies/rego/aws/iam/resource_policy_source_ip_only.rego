package aws.iam.resource_policy_source_ip_only

import data.lib.iam_policies

# METADATA
# title: Resource policies do not open anonymous access narrowed only by source IP
# description: |
#   A resource policy statement that allows Principal "*" (or NotPrincipal) and whose only
#   narrowing condition is aws:SourceIp grants access to anyone, authenticated or not,
#   from those addresses: a shared office or NAT address, a cloud provider's range or a
#   spoofable proxy stands in for identity. S3 Block Public Access counts such a statement
#   as not public, while IAM Access Analyzer reports it as public access. The
#   *-policy-public rules accept it; this rule reports it. A statement also narrowed by
#   account, organization, source ARN or VPC (endpoint) is not reported.
# scope: document
# custom:
#   id: aws-iam-resource-policy-source-ip-only
#   severity: medium
#   concern: iam
#   remediation: Name the principals that may act (accounts, roles, services), or add an aws:PrincipalOrgID, aws:SourceVpce or aws:SourceArn condition beside aws:SourceIp; serve anonymous content through CloudFront with origin access control instead.
#   compliance:
#     nist-800-53: ["AC-3", "AC-14"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	some doc in iam_policies.resource_documents(input)
	some a in iam_policies.allow_statements(doc.document)
	iam_policies.public_principal(a.statement)
	iam_policies.restricted_by(a.statement, {"aws:sourceip"})
	not iam_policies.restricted_by(a.statement, identity_keys)
	msg := sprintf("%s: %s lets anyone, unauthenticated, act from the addresses in aws:SourceIp: name the principals or add an account, organization or VPC condition.", [doc.subject, a.label])
}

resource_types := iam_policies.resource_document_types

identity_keys := iam_policies.resource_policy_condition_keys - {"aws:sourceip"}
