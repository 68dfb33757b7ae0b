package aws.lambda.permission_wildcard_action

import data.lib.pulumi

# METADATA
# title: Lambda permissions grant only lambda:InvokeFunction (or the one action needed)
# description: |
#   A Lambda permission whose action is lambda:* or * lets the principal not only invoke
#   the function but also change its code and configuration, delete it or grant itself
#   further access through the function's resource policy. A permission names the one
#   action the caller needs, usually lambda:InvokeFunction (or lambda:InvokeFunctionUrl).
#   An unknown action is not judged.
# scope: document
# custom:
#   id: aws-lambda-permission-wildcard-action
#   severity: high
#   concern: iam
#   remediation: Set action="lambda:InvokeFunction" on aws.lambda_.Permission.
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	input.type in resource_types
	action := input.properties.action
	is_string(action)
	regex.match(`^(?i)(\*|lambda:\*)$`, action)
	msg := sprintf("Lambda permission %q grants %s on the function, which includes changing and deleting it: grant lambda:InvokeFunction only.", [input.name, action])
}

resource_types := pulumi.with_aliases({"aws:lambda/permission:Permission"})
