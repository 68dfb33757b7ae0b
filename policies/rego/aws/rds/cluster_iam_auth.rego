package aws.rds.cluster_iam_auth

import data.lib.pulumi

# METADATA
# title: RDS DB clusters accept IAM database authentication
# description: |
#   With iamDatabaseAuthenticationEnabled, applications connect with short-lived tokens
#   issued for their IAM role instead of a long-lived database password that must be
#   stored, shared and rotated; access is then granted and revoked in IAM and recorded in
#   CloudTrail. Engines that do not support it (SQL Server, Oracle, Db2) are not judged,
#   nor is an unknown setting.
# scope: document
# custom:
#   id: aws-rds-cluster-iam-auth
#   severity: low
#   concern: auth
#   remediation: Set iam_database_authentication_enabled=True on aws.rds.Cluster, and grant rds-db:connect to the application's role for its database user.
#   compliance:
#     fsbp: ["RDS.12"]
#     nist-800-53: ["AC-2", "IA-2"]
#     pci-dss: ["8.2.1"]
deny contains msg if {
	input.type in resource_types
	supported_engine(object.get(input.properties, "engine", ""))
	pulumi.is_false(input.properties, "iamDatabaseAuthenticationEnabled")
	msg := sprintf("RDS DB cluster %q does not accept IAM database authentication: set iamDatabaseAuthenticationEnabled to true.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:rds/cluster:Cluster"})

supported_engine(engine) if regex.match(`^(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)$`, engine)
