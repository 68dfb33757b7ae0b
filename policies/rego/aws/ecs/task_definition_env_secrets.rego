package aws.ecs.task_definition_env_secrets

import data.lib.ecs
import data.lib.pulumi
import data.lib.secrets

# METADATA
# title: ECS task definitions pass secrets through `secrets`, not environment variables
# description: |
#   A container environment variable whose name says it holds a password, token, API
#   key, private key or credential (DB_PASSWORD, STRIPE_API_KEY...) is stored in clear
#   text in the task definition: anyone allowed ecs:DescribeTaskDefinition, and every
#   revision kept forever, shows it. Such values belong in the container's `secrets`
#   (valueFrom a Secrets Manager secret or SSM SecureString), which ECS injects at
#   start. Names that point to a secret rather than hold one (…_ARN, …_NAME, …_ID,
#   …_URL, …_PATH, …_FILE), that describe one (…_HEADER, …_TTL, …_LENGTH, …_EXPIRY,
#   …_TIMEOUT, …_ENABLED) and empty values are not reported. containerDefinitions is
#   read as the JSON text the provider takes (or as a list); an unknown one is not
#   judged.
# scope: document
# custom:
#   id: aws-ecs-task-definition-env-secrets
#   severity: high
#   concern: encryption
#   remediation: 'Move the value to Secrets Manager and reference it in the container definition as "secrets": [{"name": "DB_PASSWORD", "valueFrom": secret.arn}] instead of "environment".'
#   compliance:
#     fsbp: ["ECS.8"]
#     nist-800-53: ["IA-5", "SC-28"]
#     pci-dss: ["8.3.2"]
deny contains msg if {
	input.type in resource_types
	some container in ecs.containers(input.properties)
	some variable in container.environment
	secrets.secret_name(variable.name)
	is_string(variable.value)
	variable.value != ""
	msg := sprintf(
		"ECS task definition %q passes %q to container %q as a plain environment variable: move it to the container's secrets (valueFrom a Secrets Manager secret or SSM SecureString).",
		[input.name, variable.name, object.get(container, "name", "")],
	)
}

resource_types := pulumi.with_aliases({"aws:ecs/taskDefinition:TaskDefinition"})
