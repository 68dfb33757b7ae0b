# METADATA
# description: |
#   Helpers for stack rules, which see every resource at once in input.resources.
#   Resources refer to each other through propertyDependencies (URNs, present in
#   previews, exports and preflight alike) and, once deployed, through the referenced
#   value itself; refs() collects both so a join works before and after deployment.
package lib.stack

import data.lib.pulumi

# of_type(token) is the list of stack resources of the type or one of its aliases: a lookup in
# by_type, which is built once per query, so that the many calls of a stack's rules do not each
# scan every resource.
of_type(token) := [r |
	some t in object.get(pulumi.aliases, token, {token})
	some r in object.get(by_type, t, [])
]

# by_type maps each type token of input.resources to the resources of that type, in input
# order. It is one object built by a comprehension that OPA indexes by type (one pass over the
# resources): a partial set rule keyed by type costs time quadratic in the resources of a type.
by_type := {type: resources |
	some type in {resource.type | some resource in input.resources}
	resources := [resource | some resource in input.resources; resource.type == type]
}

# refs(resource, key) is the set of URNs and known values that the property at key points to.
refs(resource, key) := {urn | some urn in object.get(resource, ["propertyDependencies", key], [])} | {v |
	some v in values(object.get(resource.properties, key, null))
	not pulumi.is_unknown(v)
}

# targets(resources, key) is the set of URNs and values referenced at key by any of the resources:
# build it once per rule, then test membership with referenced().
targets(resources, key) := {t | some r in resources; some t in refs(r, key)}

# referenced(target, names, set) holds when the set holds the target's URN or one of its
# identifying property values (names: the properties that carry its name, ARN or id).
referenced(target, _, set) if target.urn in set

referenced(target, names, set) if {
	some key in names
	target.properties[key] in set
}

values(x) := {x} if is_string(x)

values(x) := {v | some v in x; is_string(v)} if is_array(x)

values(x) := set() if {
	not is_string(x)
	not is_array(x)
}

# untraceable(resources, key) holds when one of the resources refers at key to a value that is
# unknown until the deployment runs and has no propertyDependencies to trace it by: it may refer
# to any resource, so a rule cannot report that a resource is never referenced.
untraceable(resources, key) if {
	some r in resources
	pulumi.unknown(r.properties, key)
	count(object.get(r, ["propertyDependencies", key], [])) == 0
}
