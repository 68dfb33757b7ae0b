package aws.codebuild.project_source_credentials

import data.lib.pulumi

# METADATA
# title: CodeBuild source URLs carry no credentials
# description: |
#   A source location such as https://user:app-password@bitbucket.org/team/repo.git
#   (or https://x-token-auth:TOKEN@...) stores the repository credential in clear text in
#   the project: codebuild:BatchGetProjects, the console and every build log show it. The
#   credential belongs in an aws.codebuild.SourceCredential or a CodeConnections
#   connection (source.auth). The primary source and the secondary sources are judged; an
#   unknown location is not.
# scope: document
# custom:
#   id: aws-codebuild-project-source-credentials
#   severity: critical
#   concern: auth
#   remediation: Remove the user and password from source.location (https://bitbucket.org/team/repo.git) and import the credential with aws.codebuild.SourceCredential, or use source.auth with a CodeConnections connection.
#   compliance:
#     fsbp: ["CodeBuild.1"]
#     nist-800-53: ["IA-5"]
#     pci-dss: ["8.3.2"]
deny contains msg if {
	input.type in resource_types
	some [label, source] in sources
	location := source.location
	is_string(location)
	regex.match(`^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@\s]+@`, location)
	msg := sprintf("CodeBuild project %q: the %s location carries credentials in its URL: remove them and use aws.codebuild.SourceCredential or source.auth.", [input.name, label])
}

resource_types := pulumi.with_aliases({"aws:codebuild/project:Project"})

sources contains ["source", input.properties.source] if is_object(input.properties.source)

sources contains [sprintf("secondary source #%d", [i + 1]), source] if {
	some i, source in object.get(input.properties, "secondarySources", [])
	is_object(source)
}
