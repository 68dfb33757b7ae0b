package aws.lambda.function_env_kms

import data.lib.pulumi
import data.lib.secrets
import data.lib.security_values

# METADATA
# title: Lambda environment variables that hold secrets are encrypted with a customer-managed KMS key
# description: |
#   Lambda encrypts every environment variable at rest; without kmsKeyArn it uses the
#   AWS-managed key aws/lambda, whose key policy cannot be changed: anyone allowed
#   lambda:GetFunctionConfiguration reads the values in clear text. That matters for a
#   secret: a variable named like one (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY,
#   ACCESS_KEY, CREDENTIALS, AUTH_KEY; not its ARN, name, id or URL) or whose value is a
#   Pulumi secret. Variables that hold configuration (a table name, a stage, an account
#   id) are not secrets and are not reported: AWS's guidance is to protect sensitive
#   values with a customer-managed key or to keep them in Secrets Manager.
# scope: document
# custom:
#   id: aws-lambda-function-env-kms
#   severity: medium
#   concern: encryption
#   remediation: Move the secret into Secrets Manager and read it at run time, or set kmsKeyArn to a customer-managed KMS key.
#   compliance:
#     nist-800-53: ["SC-12", "SC-28"]
deny contains msg if {
	input.type in resource_types
	variables := input.properties.environment.variables
	is_object(variables)
	pulumi.absent(input.properties, "kmsKeyArn")
	some name, value in variables
	holds_secret(name, value)
	msg := sprintf(
		"Lambda function %q keeps the secret environment variable %q under the AWS-managed key, readable by anyone allowed lambda:GetFunctionConfiguration: move it to Secrets Manager, or set kmsKeyArn to a customer-managed KMS key.",
		[input.name, name],
	)
}

resource_types := pulumi.with_aliases({"aws:lambda/function:Function"})

holds_secret(name, _) if secrets.secret_name(name)

holds_secret(_, value) if value == security_values.secret_marker
