# METADATA
# description: |
#   Helpers for IAM policy documents as Pulumi sends them: a JSON string or an
#   object, Statement as one object or a list, and every element that may be
#   a string or a list (Action, Resource, Principal values).
package lib.iam

import data.lib.pulumi

# document(raw) is the policy document as an object, whether it arrives as JSON text or an object.
document(raw) := json.unmarshal(raw) if {
	is_string(raw)
	not pulumi.is_unknown(raw)
	json.is_valid(raw)
}

document(raw) := raw if is_object(raw)

# statements(raw) is the list of statements of a policy document.
statements(raw) := [s | some s in as_list(document(raw).Statement)]

# allow_statements(raw) is the list of Allow statements of a policy document.
allow_statements(raw) := [s | some s in statements(raw); s.Effect == "Allow"]

# as_list(x) is x when it is a list, [x] otherwise.
as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

# values(stmt, key) is the set of string values of a statement element (Action, Resource, …).
values(stmt, key) := {v | some v in as_list(stmt[key])}

# actions(stmt) is the set of actions of a statement, lower-cased (IAM matches them case-insensitively).
actions(stmt) := {lower(a) | some a in values(stmt, "Action")}

# resources(stmt) is the set of resources of a statement.
resources(stmt) := values(stmt, "Resource")

# principals(stmt) is the set of principal identifiers of a statement, "*" for the anonymous principal.
principals(stmt) := {"*"} if stmt.Principal == "*"

principals(stmt) := {p | some kind, ids in stmt.Principal; some p in as_list(ids)} if is_object(stmt.Principal)

# wildcard_principal(stmt) holds when anyone may act under the statement.
wildcard_principal(stmt) if "*" in principals(stmt)

wildcard_principal(stmt) if {
	some p in principals(stmt)
	regex.match(`^arn:aws[a-z-]*:iam::\*:root$`, p)
}

# has_condition(stmt) holds when the statement is limited by any condition.
has_condition(stmt) if count(object.get(stmt, "Condition", {})) > 0

# condition_keys(stmt) is the set of condition keys used by a statement, lower-cased.
condition_keys(stmt) := {lower(key) | some _, block in object.get(stmt, "Condition", {}); some key, _ in block}

# any_resource(stmt) holds when a statement applies to every resource.
any_resource(stmt) if "*" in resources(stmt)

# full_service_wildcard(action) holds for an action pattern that matches every action of a
# service (or of all services): "*", "s3:*", "s3:?*", "*:*"; its action part is only wildcards.
full_service_wildcard("*")

full_service_wildcard(action) if regex.match(`^[^:]+:[*?]*\*[*?]*$`, action)
