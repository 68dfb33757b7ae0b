# METADATA
# description: |
#   The decision-log mask a central OPA applies before it sends a gate decision to the collector
#   (OPA's decision_logs plugin evaluates data.system.log.mask on each event). The log keeps what an
#   auditor needs: the query (path), the bundle revision, each resource's type, URN and name (the
#   URN names the stack and project) and the findings (result); it erases every property value and
#   option a resource carries and the profile's parameters. Secrets never reach OPA (they are
#   "[secret]"), and this keeps the other values of a stack out of the log too.
package system.log

# Fields of each resource in a batch or stack query (input.resources[i]) and of the one resource
# of a per-resource query (input), erased from the log.
erased_fields := ["properties", "options", "provider", "dependencies", "propertyDependencies", "parent"]

mask contains sprintf("/input/resources/%d/%s", [i, field]) if {
	some i, resource in input.input.resources
	some field in erased_fields
	resource[field]
}

mask contains sprintf("/input/%s", [field]) if {
	some field in erased_fields
	input.input[field]
}

mask contains "/input/config" if input.input.config
