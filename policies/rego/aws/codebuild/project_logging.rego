package aws.codebuild.project_logging

import data.lib.pulumi

# METADATA
# title: CodeBuild projects keep their build logs
# description: |
#   Builds log to CloudWatch Logs unless logsConfig.cloudwatchLogs.status is DISABLED; a
#   project that also leaves S3 logs off keeps no record of what its builds ran, which
#   dependencies they fetched or what they deployed. At least one of CloudWatch Logs and
#   S3 logs must stay enabled. An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-codebuild-project-logging
#   severity: medium
#   concern: logging
#   remediation: Remove status="DISABLED" from logs_config.cloudwatch_logs on aws.codebuild.Project, or enable logs_config.s3_logs with a bucket location.
#   compliance:
#     fsbp: ["CodeBuild.4"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	input.type in resource_types
	config := object.get(input.properties, "logsConfig", {})
	object.get(config, ["cloudwatchLogs", "status"], "ENABLED") == "DISABLED"
	not object.get(config, ["s3Logs", "status"], "DISABLED") == "ENABLED"
	not pulumi.unknown(object.get(config, "s3Logs", {}), "status")
	msg := sprintf("CodeBuild project %q keeps no build logs: enable logsConfig.cloudwatchLogs or logsConfig.s3Logs.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:codebuild/project:Project"})
