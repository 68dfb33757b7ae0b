package aws.ecr.repository_kms

import data.lib.kms
import data.lib.pulumi

# METADATA
# title: ECR repositories encrypt images with a KMS key
# description: |
#   Without encryptionConfigurations of type KMS (or KMS_DSSE), images are encrypted
#   with S3-managed AES256 keys: their use is not logged in CloudTrail and access to the
#   image layers cannot be limited through a key policy. Where the profile asks for it
#   (requireCustomerManagedKey, on unless turned off), the kmsKey must also be a
#   customer-managed key rather than the AWS-managed alias/aws/ecr. The encryption of a
#   repository is fixed when it is created.
# scope: document
# custom:
#   id: aws-ecr-repository-kms
#   severity: medium
#   concern: encryption
#   remediation: Set encryption_configurations=[aws.ecr.RepositoryEncryptionConfigurationArgs(encryption_type="KMS", kms_key=key.arn)] on aws.ecr.Repository.
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
#   config:
#     requireCustomerManagedKey:
#       type: boolean
#       default: true
#       description: Ask for a customer-managed KMS key; false accepts the AWS-managed key alias/aws/ecr.
deny contains msg if {
	input.type in resource_types
	not kms_encrypted(input.properties)
	msg := sprintf(
		"ECR repository %q encrypts its images with S3-managed AES256 keys: set encryptionConfigurations to encryptionType \"KMS\" with kmsKey set to a customer-managed KMS key.",
		[input.name],
	)
}

deny contains msg if {
	input.type in resource_types
	some config in input.properties.encryptionConfigurations
	config.encryptionType in kms_types
	kms.required("aws-ecr-repository-kms")
	kms.without_customer_key(config, "kmsKey")
	msg := sprintf(
		"ECR repository %q is encrypted with the AWS-managed key alias/aws/ecr: set kmsKey in encryptionConfigurations to a customer-managed KMS key.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:ecr/repository:Repository"})

kms_types := {"KMS", "KMS_DSSE"}

kms_encrypted(props) if {
	some config in props.encryptionConfigurations
	config.encryptionType in kms_types
}

kms_encrypted(props) if pulumi.unknown(props, "encryptionConfigurations")

kms_encrypted(props) if {
	some config in props.encryptionConfigurations
	pulumi.unknown(config, "encryptionType")
}
