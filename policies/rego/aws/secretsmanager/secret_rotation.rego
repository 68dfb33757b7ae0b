package aws.secretsmanager.secret_rotation

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: Secrets Manager secrets rotate automatically
# description: |
#   Every Secrets Manager secret must have an aws.secretsmanager.SecretRotation
#   whose secretId refers to it, so that a leaked credential stops working after
#   the rotation period instead of staying valid until someone notices. The
#   rotation is found through its propertyDependencies (secretId=secret.id) or,
#   once deployed, through the value (the secret's ARN, id or name). A rotation
#   with rotationEnabled false turns rotation off and does not count. A rotation whose schedule
#   (rotationRules.automaticallyAfterDays) exceeds the profile's maximumDays (90 unless
#   configured, as FSBP SecretsManager.4 expects) is reported on the rotation.
# scope: document
# custom:
#   id: aws-secretsmanager-secret-rotation
#   severity: medium
#   concern: auth
#   remediation: Add an aws.secretsmanager.SecretRotation with secretId=secret.id, a rotation Lambda and rotationRules (stackguard.components.SecretStore does this with rotation).
#   compliance:
#     nist-800-53: ["IA-5"]
#     pci-dss: ["8.6.3"]
#     fsbp: ["SecretsManager.1", "SecretsManager.4"]
#   config:
#     maximumDays:
#       type: integer
#       minimum: 1
#       maximum: 1000
#       default: 90
#       description: Longest accepted rotation period, in days.
stack_deny contains {"urn": s.urn, "message": msg} if {
	not unresolved_rotation
	some s in stack.of_type("aws:secretsmanager/secret:Secret")
	not stack.referenced(s, ["arn", "id", "name"], rotated)
	msg := sprintf("Secrets Manager secret %q is never rotated: add an aws.secretsmanager.SecretRotation with secretId=secret.id, a rotation Lambda function and rotationRules.", [s.name])
}

# Rotations that keep rotation on (an unknown rotationEnabled may well be true).
rotations := [r |
	some r in stack.of_type("aws:secretsmanager/secretRotation:SecretRotation")
	not object.get(r.properties, "rotationEnabled", null) == false
]

# URNs, ARNs, ids and names of the secrets some rotation points to (built once).
rotated := stack.targets(rotations, "secretId")

# A rotation whose secret is unknown and untraceable could rotate any secret: report
# nothing rather than a secret that may well be rotated.
unresolved_rotation if stack.untraceable(rotations, "secretId")

stack_deny contains {"urn": r.urn, "message": msg} if {
	some r in rotations
	days := object.get(r.properties, ["rotationRules", "automaticallyAfterDays"], null)
	is_number(days)
	days > maximum_days
	msg := sprintf("Secrets Manager rotation %q rotates only every %v days: set rotationRules.automaticallyAfterDays to at most %v so that a leaked credential stops working sooner.", [r.name, days, maximum_days])
}

default_maximum_days := 90

# maximum_days is the profile's maximumDays when it is a number, 90 otherwise.
maximum_days := days if {
	days := pulumi.config("aws-secretsmanager-secret-rotation").maximumDays
	is_number(days)
} else := default_maximum_days

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:secretsmanager/secret:Secret",
	"aws:secretsmanager/secretRotation:SecretRotation",
})
