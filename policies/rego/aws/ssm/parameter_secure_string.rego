package aws.ssm.parameter_secure_string

import data.lib.pulumi

# METADATA
# title: SSM parameters that hold secrets are SecureString
# description: |
#   A parameter whose name or description says it holds a password, token, API key,
#   private key or credential must be of type SecureString, so that its value is
#   encrypted with KMS and only readable with kms:Decrypt; String and StringList
#   values are stored and returned in clear text.
# scope: document
# custom:
#   id: aws-ssm-parameter-secure-string
#   severity: high
#   concern: encryption
#   remediation: Set type to "SecureString" (with keyId for a customer-managed KMS key).
#   compliance:
#     nist-800-53: ["SC-28", "IA-5"]
#     pci-dss: ["8.3.2"]
deny contains msg if {
	input.type in resource_types
	looks_secret
	not secure(input.properties)
	msg := sprintf(
		"SSM parameter %q looks like it holds a secret but is not a SecureString: set type to \"SecureString\" so its value is encrypted with KMS.",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:ssm/parameter:Parameter"})

secret_words := {"password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "private_key", "credential"}

looks_secret if {
	some text in [parameter_name, description]
	some word in secret_words
	contains(lower(text), word)
}

# parameter_name is properties.name when known, else the Pulumi resource name (the default).
parameter_name := input.properties.name if {
	pulumi.known(input.properties, "name")
	is_string(input.properties.name)
} else := input.name

description := input.properties.description if {
	pulumi.known(input.properties, "description")
	is_string(input.properties.description)
} else := ""

secure(props) if props.type == "SecureString"

secure(props) if pulumi.unknown(props, "type")
