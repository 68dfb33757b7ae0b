package aws.lambda.function_env_kms

import data.lib.pulumi

# METADATA
# title: Lambda environment variables are encrypted with a customer-managed KMS key
# description: |
#   A function with environment variables and no kmsKeyArn keeps them encrypted
#   under the AWS-managed key aws/lambda, whose key policy cannot be changed:
#   anyone allowed lambda:GetFunctionConfiguration reads them in clear text. A
#   customer-managed key lets access to the values be limited and audited.
# scope: document
# custom:
#   id: aws-lambda-function-env-kms
#   severity: medium
#   concern: encryption
#   remediation: Set kmsKeyArn to a customer-managed KMS key, or move secrets out of environment variables into Secrets Manager.
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
deny contains msg if {
	input.type in resource_types
	variables := input.properties.environment.variables
	is_object(variables)
	count(variables) > 0
	pulumi.absent(input.properties, "kmsKeyArn")
	msg := sprintf(
		"Lambda function %q has %d environment variables encrypted only with the AWS-managed key: set kmsKeyArn to a customer-managed KMS key.",
		[input.name, count(variables)],
	)
}

resource_types := pulumi.with_aliases({"aws:lambda/function:Function"})
