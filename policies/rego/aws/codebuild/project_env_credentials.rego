package aws.codebuild.project_env_credentials

import data.lib.pulumi

# METADATA
# title: CodeBuild projects do not hold AWS credentials in plain environment variables
# description: |
#   An environment variable of type PLAINTEXT (the default) named AWS_ACCESS_KEY_ID or
#   AWS_SECRET_ACCESS_KEY stores an access key in clear text in the project definition,
#   readable through codebuild:BatchGetProjects and shown in the console. Builds get
#   temporary credentials from the project's service role; a key that must be passed
#   belongs in a PARAMETER_STORE or SECRETS_MANAGER variable. Empty and unknown values
#   are not reported.
# scope: document
# custom:
#   id: aws-codebuild-project-env-credentials
#   severity: critical
#   concern: auth
#   remediation: Drop the access key and give the project's service_role the permissions, or set the variable's type to "SECRETS_MANAGER" (or "PARAMETER_STORE") with the secret's name as value.
#   compliance:
#     fsbp: ["CodeBuild.2"]
#     nist-800-53: ["IA-5"]
#     pci-dss: ["8.3.2"]
deny contains msg if {
	input.type in resource_types
	some variable in object.get(input.properties, ["environment", "environmentVariables"], [])
	upper(object.get(variable, "name", "")) in credential_names
	object.get(variable, "type", "PLAINTEXT") == "PLAINTEXT"
	is_string(variable.value)
	not pulumi.blank(variable.value)
	not pulumi.is_unknown(variable.value)
	msg := sprintf("CodeBuild project %q stores %s as a plain-text environment variable: use the service role, or a SECRETS_MANAGER or PARAMETER_STORE variable.", [input.name, variable.name])
}

resource_types := pulumi.with_aliases({"aws:codebuild/project:Project"})

credential_names := {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"}
