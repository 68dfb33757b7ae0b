package aws.codebuild.project_s3_logs_encrypted

import data.lib.pulumi

# METADATA
# title: CodeBuild build logs written to S3 are encrypted
# description: |
#   logsConfig.s3Logs.encryptionDisabled true writes the build logs to S3 unencrypted;
#   build logs show commands, dependency sources and often tokens echoed by mistake.
#   Leave encryptionDisabled false (the default). An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-codebuild-project-s3-logs-encrypted
#   severity: medium
#   concern: encryption
#   remediation: Remove encryption_disabled=True from logs_config.s3_logs on aws.codebuild.Project.
#   compliance:
#     fsbp: ["CodeBuild.3"]
#     nist-800-53: ["SC-28"]
#     pci-dss: ["3.5.1"]
deny contains msg if {
	input.type in resource_types
	s3_logs := object.get(input.properties, ["logsConfig", "s3Logs"], {})
	s3_logs.encryptionDisabled == true
	not s3_logs.status == "DISABLED"
	msg := sprintf("CodeBuild project %q writes its S3 build logs unencrypted: set logsConfig.s3Logs.encryptionDisabled to false.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:codebuild/project:Project"})
