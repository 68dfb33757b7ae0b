package aws.lambda.function_runtime_deprecated

import data.lib.pulumi

# METADATA
# title: Lambda functions use a supported runtime
# description: |
#   A function on a deprecated runtime no longer gets security patches for its language
#   runtime or operating system, and AWS blocks creating and then updating such
#   functions. The list follows the "Deprecated runtimes" table of the AWS Lambda
#   developer guide (Lambda runtimes page): among others python3.11 and older,
#   nodejs20.x and older, java8 (Amazon Linux 1), dotnet7 and older, ruby3.2 and older,
#   go1.x and provided (Amazon Linux 1). Container-image functions have no runtime and
#   are not checked. A profile can add runtimes AWS deprecates later (alsoDeprecated).
# scope: document
# custom:
#   id: aws-lambda-function-runtime-deprecated
#   severity: high
#   concern: network
#   remediation: Move the function to a supported runtime, e.g. runtime=aws.lambda_.Runtime.PYTHON3D13 or aws.lambda_.Runtime.NODE_JS22D_X on aws.lambda_.Function, and test it there.
#   compliance:
#     fsbp: ["Lambda.2"]
#     nist-800-53: ["SI-2", "SA-22"]
#     pci-dss: ["6.3.3"]
#   config:
#     alsoDeprecated:
#       type: array
#       items:
#         type: string
#       default: []
#       description: More runtime identifiers to report, e.g. ["java8.al2"] once AWS deprecates them.
deny contains msg if {
	input.type in resource_types
	runtime := input.properties.runtime
	runtime in (deprecated_runtimes | also_deprecated)
	msg := sprintf(
		"Lambda function %q runs on the deprecated runtime %s, which no longer receives security patches: move it to a supported runtime.",
		[input.name, runtime],
	)
}

resource_types := pulumi.with_aliases({"aws:lambda/function:Function"})

# Runtimes AWS lists as deprecated (deprecation date passed), newest deprecations first.
deprecated_runtimes := {
	"python3.11", # 2026-06-30
	"python3.10", # 2026-06-30
	"nodejs20.x", # 2026-04-30
	"ruby3.2", # 2026-03-31
	"python3.9", # 2025-12-15
	"nodejs18.x", # 2025-09-01
	"dotnet6", # 2024-12-20
	"python3.8", # 2024-10-14
	"nodejs16.x", # 2024-06-12
	"dotnet7", # 2024-05-14
	"java8", # Amazon Linux 1, 2024-01-08
	"go1.x", # 2024-01-08
	"provided", # Amazon Linux 1, 2024-01-08
	"python3.7",
	"nodejs14.x",
	"ruby2.7",
	"nodejs12.x",
	"dotnetcore3.1",
	"python3.6",
	"dotnet5.0",
	"dotnetcore2.1",
	"python2.7",
	"ruby2.5",
	"nodejs10.x",
	"nodejs8.10",
	"nodejs6.10",
	"nodejs4.3",
	"nodejs4.3-edge",
	"nodejs",
	"dotnetcore2.0",
	"dotnetcore1.0",
}

# also_deprecated is the profile's alsoDeprecated list, as a set.
also_deprecated := {r | some r in pulumi.config("aws-lambda-function-runtime-deprecated").alsoDeprecated}
