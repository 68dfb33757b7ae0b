package aws.rds.parameter_group_tls

import data.lib.pulumi

# METADATA
# title: RDS parameter groups force TLS connections
# description: |
#   A DB or DB cluster parameter group for an engine that can refuse unencrypted
#   connections must do so: rds.force_ssl 1 for PostgreSQL, Aurora PostgreSQL and SQL
#   Server, require_secure_transport 1/ON for MySQL, MariaDB and Aurora MySQL.
#   Otherwise clients may connect in clear text and send credentials and query results
#   across the network unencrypted. For Aurora the settings live in the cluster
#   parameter group, so Aurora families of DB (instance) parameter groups are not
#   checked. RDS for PostgreSQL 15 and later forces TLS by
#   default, so a postgres15+ group that leaves rds.force_ssl out is accepted; setting
#   it to 0 is not. An unknown family or parameter list is not judged.
# scope: document
# custom:
#   id: aws-rds-parameter-group-tls
#   severity: high
#   concern: https
#   remediation: Add parameters=[aws.rds.ParameterGroupParameterArgs(name="rds.force_ssl", value="1")] (PostgreSQL, SQL Server) or name="require_secure_transport", value="1" (MySQL, MariaDB) to aws.rds.ParameterGroup or aws.rds.ClusterParameterGroup.
#   compliance:
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	some token, kind in kinds
	pulumi.is_type(input, token)
	family := input.properties.family
	is_string(family)
	some setting in tls_settings
	regex.match(setting.families, family)
	not instance_level_aurora(token, family)
	not pulumi.unknown(input.properties, "parameters")
	not forced(setting, family)
	msg := sprintf(
		"%s %q lets %s clients connect without TLS: set the parameter %s to %q.",
		[kind, input.name, family, setting.parameter, "1"],
	)
}

resource_types := pulumi.with_aliases(object.keys(kinds))

kinds := {
	"aws:rds/parameterGroup:ParameterGroup": "RDS parameter group",
	"aws:rds/clusterParameterGroup:ClusterParameterGroup": "RDS cluster parameter group",
}

tls_settings := [
	{"families": `^(postgres|aurora-postgresql|sqlserver-)`, "parameter": "rds.force_ssl"},
	{"families": `^(mysql|mariadb|aurora-mysql|aurora5\.6)`, "parameter": "require_secure_transport"},
]

# Aurora reads rds.force_ssl and require_secure_transport from the cluster parameter group only.
instance_level_aurora(token, family) if {
	token == "aws:rds/parameterGroup:ParameterGroup"
	startswith(family, "aurora")
}

enabled_values := {"1", "on", "true"}

parameter_values(name) := [p.value | some p in input.properties.parameters; p.name == name]

forced(setting, _) if {
	some value in parameter_values(setting.parameter)
	lower(sprintf("%v", [value])) in enabled_values
}

forced(setting, _) if {
	some value in parameter_values(setting.parameter)
	pulumi.is_unknown(value)
}

# RDS for PostgreSQL 15 and later default rds.force_ssl to 1.
forced(setting, family) if {
	count(parameter_values(setting.parameter)) == 0
	some m in regex.find_all_string_submatch_n(`^postgres(\d+)$`, family, 1)
	to_number(m[1]) >= 15
}
