package aws.sfn.state_machine_logging

import data.lib.pulumi

# METADATA
# title: Step Functions state machines send execution history to CloudWatch Logs
# description: |
#   A state machine logs nothing by default (loggingConfiguration.level OFF): failed or
#   tampered executions leave no trace beyond the 90 days of Step Functions history of
#   standard workflows, and none at all for express workflows. loggingConfiguration
#   must set a level other than OFF (ALL, ERROR or FATAL) and a logDestination log group.
#   An unknown setting is not judged.
# scope: document
# custom:
#   id: aws-sfn-state-machine-logging
#   severity: medium
#   concern: logging
#   remediation: Set logging_configuration=aws.sfn.StateMachineLoggingConfigurationArgs(level="ERROR", include_execution_data=False, log_destination=pulumi.Output.concat(group.arn, ":*")) on aws.sfn.StateMachine.
#   compliance:
#     fsbp: ["StepFunctions.1"]
#     nist-800-53: ["AU-2", "AU-12"]
#     pci-dss: ["10.2.1"]
deny contains msg if {
	input.type in resource_types
	not logging_on(object.get(input.properties, "loggingConfiguration", {}))
	not undecidable(object.get(input.properties, "loggingConfiguration", {}))
	msg := sprintf("Step Functions state machine %q does not log its executions: set loggingConfiguration.level to ALL, ERROR or FATAL with a CloudWatch Logs logDestination.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:sfn/stateMachine:StateMachine"})

logging_on(config) if {
	config.level in {"ALL", "ERROR", "FATAL"}
	not pulumi.absent(config, "logDestination")
}

undecidable(config) if pulumi.is_unknown(config)

undecidable(config) if pulumi.unknown(config, "level")

undecidable(config) if pulumi.unknown(config, "logDestination")
