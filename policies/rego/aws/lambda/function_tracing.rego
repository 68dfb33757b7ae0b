package aws.lambda.function_tracing

import data.lib.pulumi

# METADATA
# title: Lambda functions trace their invocations with X-Ray
# description: |
#   Without tracingConfig.mode Active, a function's invocations leave no trace of the
#   downstream calls they made (which table, which bucket, which API), so a misuse of the
#   function's role is hard to follow. An unknown mode is not judged.
# scope: document
# custom:
#   id: aws-lambda-function-tracing
#   severity: low
#   concern: logging
#   remediation: Set tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active") on aws.lambda_.Function and allow xray:PutTraceSegments and xray:PutTelemetryRecords in its role (AWSXRayDaemonWriteAccess).
#   compliance:
#     fsbp: ["Lambda.7"]
#     nist-800-53: ["AU-12", "SI-4"]
deny contains msg if {
	input.type in resource_types
	mode := object.get(input.properties, ["tracingConfig", "mode"], "PassThrough")
	mode != "Active"
	not pulumi.is_unknown(mode)
	not pulumi.unknown(input.properties, "tracingConfig")
	msg := sprintf("Lambda function %q does not trace its invocations: set tracingConfig.mode to Active.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:lambda/function:Function"})
