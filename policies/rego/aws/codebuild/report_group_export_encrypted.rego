package aws.codebuild.report_group_export_encrypted

import data.lib.pulumi

# METADATA
# title: CodeBuild report group exports are encrypted
# description: |
#   A report group that exports test and coverage reports to S3 with
#   s3Destination.encryptionDisabled true writes them unencrypted; reports carry source
#   paths, test data and sometimes secrets printed by failing tests. Leave encryption on
#   (the default) with an encryptionKey. Unknown settings are not judged.
# scope: document
# custom:
#   id: aws-codebuild-report-group-export-encrypted
#   severity: medium
#   concern: encryption
#   remediation: 'Remove encryption_disabled=True from export_config.s3_destination of aws.codebuild.ReportGroup and set encryption_key=key.arn.'
#   compliance:
#     fsbp: ["CodeBuild.7"]
#     nist-800-53: ["SC-28"]
deny contains msg if {
	input.type in resource_types
	object.get(input.properties, ["exportConfig", "s3Destination", "encryptionDisabled"], false) == true
	msg := sprintf("CodeBuild report group %q exports its reports to S3 unencrypted: set exportConfig.s3Destination.encryptionDisabled to false.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:codebuild/reportGroup:ReportGroup"})
