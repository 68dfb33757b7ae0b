package aws.ecs.task_definition_secret_environment

import data.lib.ecs
import data.lib.pulumi
import data.lib.security_values

# METADATA
# title: Pulumi secrets do not go into ECS container definitions
# description: |
#   A value the program itself declares secret (pulumi.Output.secret, config.require_secret,
#   a generated password) that is placed in a container's environment is written in clear
#   text into the task definition: ecs:DescribeTaskDefinition shows it to anyone allowed
#   to read task definitions, and every revision keeps it. Pulumi marks the whole
#   containerDefinitions text secret when any part of it is, so a task definition whose
#   containerDefinitions reach the gate only as a secret (or whose environment holds a
#   secret value) carries a secret in plain text. Secrets belong in the container's
#   `secrets` list (valueFrom a Secrets Manager secret or SSM SecureString ARN), which ECS
#   resolves at start without storing the value in the task definition.
# scope: document
# custom:
#   id: aws-ecs-task-definition-secret-environment
#   severity: high
#   concern: encryption
#   remediation: 'Store the value in aws.secretsmanager.Secret (or an SSM SecureString) and reference it in the container definition as "secrets": [{"name": "DB_PASSWORD", "valueFrom": secret.arn}], with the execution role allowed to read it; keep the container definitions themselves free of secret Outputs.'
#   compliance:
#     fsbp: ["ECS.8"]
#     nist-800-53: ["IA-5", "SC-28"]
#     pci-dss: ["8.3.2"]
deny contains msg if {
	input.type in resource_types
	input.properties.containerDefinitions == security_values.secret_marker
	msg := sprintf(
		"ECS task definition %q: its container definitions hold a Pulumi secret, which ECS stores in plain text in the task definition: pass the value through the container's secrets (valueFrom a Secrets Manager secret or SSM SecureString ARN) instead of environment.",
		[input.name],
	)
}

deny contains msg if {
	input.type in resource_types
	some container in ecs.containers(input.properties)
	some variable in object.get(container, "environment", [])
	variable.value == security_values.secret_marker
	msg := sprintf(
		"ECS task definition %q: environment variable %q of container %q is a Pulumi secret stored in plain text in the task definition: pass it through secrets (valueFrom a Secrets Manager secret or SSM SecureString ARN).",
		[input.name, object.get(variable, "name", ""), object.get(container, "name", "")],
	)
}

resource_types := pulumi.with_aliases({"aws:ecs/taskDefinition:TaskDefinition"})
