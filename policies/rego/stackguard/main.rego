# METADATA
# description: |
#   The single entrypoint the CrossGuard pack queries: every finding of every rule
#   under data.aws, tagged with the rule id derived from the rule's path
#   (policies/rego/aws/<service>/<rule>.rego → aws-<service>-<rule with dashes>).
package stackguard

# METADATA
# description: Findings of the resource rules for the resource in input.
# entrypoint: true
deny contains finding if {
	some service, rule
	some message in data.aws[service][rule].deny
	finding := {"rule": rule_id(service, rule), "message": message}
}

# METADATA
# description: Findings of the stack rules for input.resources; each names the resource it is about.
# entrypoint: true
stack_deny contains finding if {
	some service, rule
	some violation in data.aws[service][rule].stack_deny
	finding := {"rule": rule_id(service, rule), "urn": violation.urn, "message": violation.message}
}

rule_id(service, rule) := concat("-", ["aws", service, replace(rule, "_", "-")])

# METADATA
# description: |
#   Findings of the resource rules for each of input.resources (each with input.config),
#   tagged with the resource's URN: a whole stack in one query.
# entrypoint: true
batch_deny contains finding if {
	some resource in input.resources
	messages := deny with input as object.union(resource, {"config": input.config})
	some message in messages
	finding := object.union(message, {"urn": resource.urn})
}

# METADATA
# description: |
#   The id of every rule this entrypoint evaluates: the gate compares them with its
#   catalog before it trusts an answer without findings.
# entrypoint: true
rules contains rule_id(service, rule) if {
	some service, rule
	data.aws[service][rule].deny
}

rules contains rule_id(service, rule) if {
	some service, rule
	data.aws[service][rule].stack_deny
}
