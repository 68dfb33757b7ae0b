package aws.appsync.graphql_api_logging

import data.lib.pulumi

# METADATA
# title: AppSync GraphQL APIs log field resolution
# description: |
#   Without logConfig, or with fieldLogLevel NONE, AppSync writes no request or resolver
#   logs to CloudWatch: abuse of the API, authorization errors and failing resolvers
#   leave no trace. fieldLogLevel ERROR (or INFO, DEBUG, ALL) is required; an unknown
#   level is not judged.
# scope: document
# custom:
#   id: aws-appsync-graphql-api-logging
#   severity: medium
#   concern: logging
#   remediation: Set log_config=aws.appsync.GraphQLApiLogConfigArgs(cloudwatch_logs_role_arn=role.arn, field_log_level="ERROR") on aws.appsync.GraphQLApi.
#   compliance:
#     fsbp: ["AppSync.2"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	input.type in resource_types
	pulumi.absent(input.properties, "logConfig")
	msg := sprintf(
		"AppSync GraphQL API %q writes no logs: set logConfig with fieldLogLevel \"ERROR\" (or \"ALL\") and a CloudWatch Logs role.",
		[input.name],
	)
}

deny contains msg if {
	input.type in resource_types
	input.properties.logConfig.fieldLogLevel == "NONE"
	msg := sprintf(
		"AppSync GraphQL API %q turns field-level logging off (fieldLogLevel \"NONE\"): set it to \"ERROR\" or \"ALL\".",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:appsync/graphQLApi:GraphQLApi"})
