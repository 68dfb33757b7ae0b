package aws.secretsmanager.secret_version_literal

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: Secret values are generated or supplied at deploy time, not written in the program
# description: |
#   aws.secretsmanager.SecretVersion marks secretString as a Pulumi secret, so the gate
#   never reads the value; it can still tell where the value comes from. A secretString or
#   secretBinary that no other resource produced (no propertyDependencies: a literal in
#   the program, or a value read from stack configuration) is a password someone typed,
#   kept in source control or in the stack's config beside the code, and the same in
#   every environment that copies it. Generate it instead (random.RandomPassword), let the
#   service manage it (manage_master_user_password), or write it out of band with the
#   write-only secret_string_wo. Values that are unknown at preview are not reported. A
#   value read from a config secret is reported too: the finding can be exempted with
#   the reason when the config is the intended source.
# scope: document
# custom:
#   id: aws-secretsmanager-secret-version-literal
#   severity: medium
#   concern: encryption
#   remediation: Generate the value, e.g. password = random.RandomPassword("db", length=32); aws.secretsmanager.SecretVersion("db", secret_id=secret.id, secret_string=password.result), or let RDS manage it with manage_master_user_password=True.
#   compliance:
#     nist-800-53: ["IA-5"]
#     pci-dss: ["8.3.2"]
stack_deny contains {"urn": version.urn, "message": msg} if {
	some version in stack.of_type("aws:secretsmanager/secretVersion:SecretVersion")
	some key in value_keys
	pulumi.known(version.properties, key)
	count(object.get(version, ["propertyDependencies", key], [])) == 0
	msg := sprintf("Secret version %q: %s is a value fixed in the program or its configuration, not generated: generate it (random.RandomPassword) or let the service manage it.", [version.name, key])
}

value_keys := ["secretString", "secretBinary"]

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:secretsmanager/secretVersion:SecretVersion",
})
