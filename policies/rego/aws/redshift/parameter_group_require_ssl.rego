package aws.redshift.parameter_group_require_ssl

import data.lib.pulumi

# METADATA
# title: Redshift parameter groups require TLS connections
# description: |
#   Redshift accepts unencrypted client connections unless the cluster's parameter group
#   sets require_ssl to true: SQL clients may then send credentials and query results
#   in clear text. Every aws.redshift.ParameterGroup must set it (a cluster left on the
#   default parameter group does not require TLS either: give it one of these). An
#   unknown parameter list or value is not judged.
# scope: document
# custom:
#   id: aws-redshift-parameter-group-require-ssl
#   severity: high
#   concern: https
#   remediation: Add aws.redshift.ParameterGroupParameterArgs(name="require_ssl", value="true") to parameters of aws.redshift.ParameterGroup and set cluster_parameter_group_name on the cluster.
#   compliance:
#     fsbp: ["Redshift.2"]
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	input.type in resource_types
	not pulumi.unknown(input.properties, "parameters")
	not requires_ssl
	msg := sprintf(
		"Redshift parameter group %q lets clients connect without TLS: set the parameter require_ssl to \"true\".",
		[input.name],
	)
}

resource_types := pulumi.with_aliases({"aws:redshift/parameterGroup:ParameterGroup"})

requires_ssl if {
	some p in input.properties.parameters
	p.name == "require_ssl"
	accepted(p.value)
}

accepted(value) if lower(sprintf("%v", [value])) == "true"

accepted(value) if pulumi.is_unknown(value)
