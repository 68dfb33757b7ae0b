package aws.rds.cluster_default_port

import data.lib.pulumi

# METADATA
# title: RDS DB clusters listen on a non-default port
# description: |
#   An engine's default port (5432 PostgreSQL, 3306 MySQL and MariaDB, 1521 Oracle, 1433
#   SQL Server, 50000 Db2) is what scanners probe first; another port keeps the database
#   out of untargeted sweeps. This is hygiene, not access control: security groups decide
#   who reaches the port. An absent port is the default; an unknown one is not judged.
# scope: document
# custom:
#   id: aws-rds-cluster-default-port
#   severity: low
#   concern: network
#   remediation: 'Set port to a non-default value (e.g. 5433 for PostgreSQL) on aws.rds.Cluster.'
#   compliance:
#     fsbp: ["RDS.23"]
#     nist-800-53: ["CM-7"]
deny contains msg if {
	input.type in resource_types
	engine_port := default_port(object.get(input.properties, "engine", ""))
	not pulumi.unknown(input.properties, "port")
	object.get(input.properties, "port", engine_port) == engine_port
	msg := sprintf("RDS DB cluster %q listens on its engine's default port: set port to another value.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/cluster:Cluster"})

default_port(engine) := 5432 if contains(engine, "postgres")

default_port(engine) := 3306 if regex.match(`^(mysql|mariadb|aurora|aurora-mysql)$`, engine)

default_port(engine) := 1521 if startswith(engine, "oracle")

default_port(engine) := 1433 if startswith(engine, "sqlserver")

default_port(engine) := 50000 if startswith(engine, "db2")
