package aws.codebuild.project_cmk

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: CodeBuild projects encrypt their artifacts with a customer-managed KMS key
# description: |
#   A project without encryptionKey encrypts its build output artifacts under the
#   AWS-managed key alias/aws/s3, whose key policy cannot be changed: access to the
#   artifacts cannot be limited or revoked through the key. Where the profile asks for it
#   (requireCustomerManagedKey, on unless turned off), encryptionKey must name a
#   customer-managed key. An unknown key is not judged.
# scope: document
# custom:
#   id: aws-codebuild-project-cmk
#   severity: medium
#   concern: encryption
#   remediation: Set encryption_key=key.arn on aws.codebuild.Project, with a key policy that lets the project's service role use it.
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts the AWS-managed key alias/aws/s3.
deny contains msg if {
	input.type in resource_types
	kms.required("aws-codebuild-project-cmk")
	kms.without_customer_key(input.properties, "encryptionKey")
	msg := sprintf("CodeBuild project %q encrypts its artifacts with the AWS-managed key alias/aws/s3: set encryptionKey to a customer-managed KMS key.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:codebuild/project:Project"})
