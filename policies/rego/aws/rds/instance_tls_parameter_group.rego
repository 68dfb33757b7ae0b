package aws.rds.instance_tls_parameter_group

import data.lib.pulumi

# METADATA
# title: RDS instances use a parameter group that can force TLS
# description: |
#   An RDS for MySQL, MariaDB or SQL Server instance, or RDS for PostgreSQL before 15,
#   without parameterGroupName (or naming a default.* group) runs with the default
#   parameter group, which accepts unencrypted connections and cannot be changed. The
#   instance must name a parameter group of its own, which aws-rds-parameter-group-tls
#   checks for rds.force_ssl / require_secure_transport. PostgreSQL 15 and later force
#   TLS in their default group; an instance whose engine version is not set gets the
#   current default version and is judged by its engine alone.
# scope: document
# custom:
#   id: aws-rds-instance-tls-parameter-group
#   severity: high
#   concern: https
#   remediation: Create an aws.rds.ParameterGroup with require_secure_transport (MySQL, MariaDB) or rds.force_ssl (PostgreSQL, SQL Server) set to "1" and set parameter_group_name=group.name on aws.rds.Instance.
#   compliance:
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
deny contains msg if {
	input.type in resource_types
	default_group(input.properties)
	engine := input.properties.engine
	is_string(engine)
	default_accepts_clear_text(engine, object.get(input.properties, "engineVersion", null))
	msg := sprintf(
		"RDS instance %q (%s) uses the default parameter group, which lets clients connect without TLS: set parameterGroupName to a parameter group that forces TLS.",
		[input.name, engine],
	)
}

resource_types := pulumi.with_aliases({"aws:rds/instance:Instance"})

default_group(props) if pulumi.absent(props, "parameterGroupName")

default_group(props) if {
	is_string(props.parameterGroupName)
	startswith(props.parameterGroupName, "default.")
}

default_accepts_clear_text(engine, _) if regex.match(`^(mysql|mariadb|sqlserver-)`, engine)

default_accepts_clear_text("postgres", version) if {
	is_string(version)
	not pulumi.is_unknown(version)
	to_number(split(version, ".")[0]) < 15
}
