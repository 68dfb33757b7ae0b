# METADATA
# description: |
#   The single entrypoint the CrossGuard pack queries: every finding of every rule
#   under data.aws, tagged with the rule id derived from the rule's path
#   (policies/rego/aws/<service>/<rule>.rego → aws-<service>-<rule with dashes>).
#   A resource rule that declares resource_types judges only resources of those types;
#   one that declares none judges every resource.
package stackguard

import data.lib.pulumi

# METADATA
# description: |
#   Findings of the resource rules for the resource in input: every rule's deny, kept
#   when the rule judges the resource's type (judges). For one resource this is cheaper
#   than building the rule index; batch_deny uses the index and reaches the same set.
# entrypoint: true
deny contains finding if {
	some service, rule
	some message in data.aws[service][rule].deny
	judges(service, rule, object.get(input, "type", null))
	finding := {"rule": rule_id(service, rule), "message": message}
}

# judges(service, rule, type) holds when the rule judges resources of the type: it declares
# the type or pulumi.any_type, or it declares no resource_types. The same condition as
# consulted(), written for one rule.
judges(service, rule, _) if not data.aws[service][rule].resource_types

judges(service, rule, type) if type in data.aws[service][rule].resource_types

judges(service, rule, _) if pulumi.any_type in data.aws[service][rule].resource_types

# indexed_deny is deny through the rule index: only the rules consulted() names for the
# resource's type are evaluated. batch_deny hands it the index built once for the stack.
indexed_deny contains finding if {
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
#   The type tokens the stack rules read: the union of their stack_resource_types, or
#   {pulumi.any_type} when a stack rule declares none (a team's rule may not). The CLI sends
#   stack_deny only the resources of these types, which keeps a large stack's query small.
# entrypoint: true
stack_types := {pulumi.any_type} if {
	some [service, rule] in stack_rules
	not data.aws[service][rule].stack_resource_types
} else := {type | some [service, rule] in stack_rules; some type in data.aws[service][rule].stack_resource_types}

# stack_rules is the set of [service, rule] pairs of the rules with a stack_deny, found with an
# empty stack so that finding them costs nothing whatever the input.
stack_rules := {[service, rule] |
	some service, rule
	data.aws[service][rule].stack_deny with input as {"resources": [], "config": {}}
}

# METADATA
# description: |
#   Findings of the resource rules for each of input.resources (each with input.config),
#   tagged with the resource's URN: a whole stack in one query. Each resource is judged
#   by indexed_deny, handed the rule index computed once for the query.
# entrypoint: true
batch_deny contains finding if {
	index := batch_index
	some resource in input.resources
	messages := indexed_deny with input as object.union(resource, {"config": input.config})
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
# the type: the rules that declare the type in their resource_types, and those consulted for
# every type (see every_type). The index may hold the answer for the type already (by_type).
consulted(index, type) := pairs if {
	pairs := index.by_type[type]
} else := {pair | some pair, types in index.declared; type in types} | index.every_type

# rule_index says which resource rules judge which resource types. It does not depend on the
# resource: batch_deny computes it once for all of them, with by_type (below).
#   declared: [service, rule] → the rule's resource_types, for the rules that declare them;
#   every_type: the [service, rule] pairs consulted for every resource;
#   by_type: type → consulted(index, type), for the types looked up already.
rule_index := {"declared": declared, "every_type": every_type, "by_type": {}}

# batch_index is rule_index with the answer of consulted for each type of input.resources.
batch_index := object.union(rule_index, {"by_type": {type: consulted(rule_index, type) |
	some type in {resource.type | some resource in input.resources}
}})

declared := {[service, rule]: types | some service, rule; types := data.aws[service][rule].resource_types}

# every_type is the set of rules consulted for every resource: those that declare
# pulumi.any_type, and those without resource_types (a team's rule may not declare them).
every_type := {pair | some pair, types in declared; pulumi.any_type in types} | undeclared

# A resource rule is found by its deny, evaluated with an empty input so that finding it costs
# the same for every resource (a rule's deny set exists, empty, whatever the input).
undeclared := {[service, rule] |
	some service, rule
	data.aws[service][rule].deny with input as {}
	not declared[[service, rule]]
}
