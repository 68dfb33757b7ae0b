package aws.ssm.document_public

import data.lib.pulumi

# METADATA
# title: SSM documents are not shared publicly
# description: |
#   An SSM document whose permissions share it with All accounts is public: anyone can
#   read its commands, scripts and embedded parameters (internal host names, paths,
#   sometimes credentials) and run it in their own account. Share with named account ids
#   only. Unknown settings are not judged.
# scope: document
# custom:
#   id: aws-ssm-document-public
#   severity: critical
#   concern: iam
#   remediation: 'Set permissions={"type": "Share", "account_ids": "111122223333"} on aws.ssm.Document, never "All".'
#   compliance:
#     fsbp: ["SSM.4"]
#     nist-800-53: ["AC-3", "AC-21"]
deny contains msg if {
	input.type in resource_types
	permissions := object.get(input.properties, "permissions", {})
	is_object(permissions)
	some key in ["account_ids", "accountIds"]
	ids := permissions[key]
	is_string(ids)
	"all" in {lower(trim_space(id)) | some id in split(ids, ",")}
	msg := sprintf("SSM document %q is shared with all AWS accounts: share it with named account ids only.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:ssm/document:Document"})
