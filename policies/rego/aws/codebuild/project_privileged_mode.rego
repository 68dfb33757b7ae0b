package aws.codebuild.project_privileged_mode

import data.lib.pulumi

# METADATA
# title: CodeBuild projects do not run builds in privileged mode
# description: |
#   environment.privilegedMode true runs the build container with root access to the
#   Docker daemon of the build host: a malicious dependency or pull-request build can then
#   escape the container, read the project's credentials and tamper with other images.
#   Leave it off unless the project builds Docker images, and then exempt the project with
#   that reason. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-codebuild-project-privileged-mode
#   severity: high
#   concern: iam
#   remediation: Set environment.privileged_mode=False on aws.codebuild.Project (the default); build images with a rootless builder (kaniko, buildah) or exempt the image-building project with a reason.
#   compliance:
#     fsbp: ["CodeBuild.5"]
#     nist-800-53: ["AC-6", "CM-7"]
#     pci-dss: ["2.2.1"]
deny contains msg if {
	input.type in resource_types
	input.properties.environment.privilegedMode == true
	msg := sprintf("CodeBuild project %q runs builds in privileged mode: set environment.privilegedMode to false.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:codebuild/project:Project"})
