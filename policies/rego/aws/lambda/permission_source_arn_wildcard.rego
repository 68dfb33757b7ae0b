package aws.lambda.permission_source_arn_wildcard

import data.lib.pulumi

# METADATA
# title: API Gateway permissions name the API, stage and route that invoke the function
# description: |
#   A Lambda permission for apigateway.amazonaws.com whose sourceArn leaves the API id
#   open (arn:aws:execute-api:us-east-1:123456789012:*/...) lets every API of the account,
#   including ones created later by anyone allowed to, invoke the function; one that
#   leaves both the stage and the method/route open (<api-id>/*/* or <api-id>/*) lets
#   every stage of the API, test and unfinished ones included, call it through any route.
#   Name the API id and at least the stage or the method and path
#   (<api-id>/prod/GET/orders). An unknown source is not judged.
# scope: document
# custom:
#   id: aws-lambda-permission-source-arn-wildcard
#   severity: low
#   concern: iam
#   remediation: Build source_arn from the API and stage, e.g. pulumi.Output.concat(api.execution_arn, "/prod/GET/orders") instead of api.execution_arn + "/*/*".
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
deny contains msg if {
	input.type in resource_types
	source := input.properties.sourceArn
	is_string(source)
	parts := regex.find_all_string_submatch_n(`^arn:[^:]+:execute-api:[^:]*:[^:]*:(.*)$`, source, 1)
	count(parts) == 1
	too_wide(split(parts[0][1], "/"))
	msg := sprintf("Lambda permission %q lets %s invoke the function (sourceArn): name the API id and its stage or route, e.g. <api-id>/prod/GET/orders.", [input.name, describe(split(parts[0][1], "/"))])
}

resource_types := pulumi.with_aliases({"aws:lambda/permission:Permission"})

# too_wide(path) holds for api-id/stage/method/resource paths that leave the API open, or
# the stage and everything after it.
too_wide(path) if path[0] == "*"

too_wide(path) if {
	count(path) >= 2
	every part in array.slice(path, 1, count(path)) {
		part == "*"
	}
}

too_wide(path) if count(path) == 1

describe(path) := "any API of the account" if path[0] == "*"

describe(path) := sprintf("any stage and route of API %s", [path[0]]) if path[0] != "*"
