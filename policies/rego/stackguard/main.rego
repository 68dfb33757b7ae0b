# METADATA
# description: |
#   The single entrypoint the CrossGuard pack queries: every finding of every rule
#   under data.aws, tagged with the rule id derived from the rule's path
#   (policies/rego/aws/<service>/<rule>.rego → aws-<service>-<rule with dashes>).
#   A resource rule that declares resource_types is consulted only for resources of
#   those types; one that declares none is consulted for every resource.
package stackguard

import data.lib.pulumi

# METADATA
# description: Findings of the resource rules for the resource in input.
# entrypoint: true
deny contains finding if {
	some [service, rule] in consulted(rule_index, object.get(input, "type", null))
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
#   tagged with the resource's URN: a whole stack in one query. Each resource is judged
#   by deny itself, handed the rule index computed once for the query.
# entrypoint: true
batch_deny contains finding if {
	index := rule_index
	some resource in input.resources
	messages := deny with input as object.union(resource, {"config": input.config})
		with data.stackguard.rule_index as index
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

# consulted(index, type) is the set of [service, rule] pairs whose deny judges a resource of
# the type: the rules that declare the type (or pulumi.any_type) in their resource_types, and
# those that declare no resource_types at all.
consulted(index, type) := object.get(index.by_type, type, index.every_type)

# rule_index says which resource rules judge which resource types:
#   by_type: each type token of some rule's resource_types → the [service, rule] pairs consulted;
#   every_type: the pairs consulted for any type, those of the other types too.
# It does not depend on the resource: batch_deny computes it once for all of them.
rule_index := {
	"by_type": {type: pairs | some type, declared in declared_types; pairs := declared | every_type},
	"every_type": every_type,
}

# every_type is the set of rules consulted for every resource: those declaring pulumi.any_type,
# and those without resource_types.
every_type := object.get(declared_types, pulumi.any_type, set()) | undeclared

declared_types[type] contains [service, rule] if {
	some service, rule
	some type in data.aws[service][rule].resource_types
}

# A rule is found by its deny, evaluated with an empty input so that finding it costs the
# same for every resource (a rule's deny set exists, empty, whatever the input).
undeclared contains [service, rule] if {
	some service, rule
	data.aws[service][rule].deny with input as {}
	not data.aws[service][rule].resource_types
}
