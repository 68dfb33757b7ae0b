package aws.ecr.repository_tag_immutability

import data.lib.pulumi

# METADATA
# title: ECR repositories keep image tags immutable
# description: |
#   With imageTagMutability MUTABLE (the default) anyone allowed to push can replace
#   the image behind a tag that is already deployed (v1.4.2, prod): the next task or
#   function start runs the new image without any change in the program. IMMUTABLE (or
#   IMMUTABLE_WITH_EXCLUSION, for a few named tags such as latest) makes each tag
#   point to one image for good.
# scope: document
# custom:
#   id: aws-ecr-repository-tag-immutability
#   severity: medium
#   concern: iam
#   remediation: Set image_tag_mutability="IMMUTABLE" on aws.ecr.Repository (or IMMUTABLE_WITH_EXCLUSION with image_tag_mutability_exclusion_filters for tags that must move).
#   compliance:
#     fsbp: ["ECR.2"]
#     nist-800-53: ["CM-2", "SI-7"]
deny contains msg if {
	input.type in resource_types
	not immutable(input.properties)
	msg := sprintf(
		"ECR repository %q lets a push replace the image behind an existing tag: set imageTagMutability to \"IMMUTABLE\".",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:ecr/repository:Repository"})

immutable_settings := {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"}

immutable(props) if props.imageTagMutability in immutable_settings

immutable(props) if pulumi.unknown(props, "imageTagMutability")
