package aws.efs.access_point_root_directory

import data.lib.pulumi

# METADATA
# title: EFS access points confine clients to a directory
# description: |
#   An access point without rootDirectory.path (or with /) exposes the whole file system
#   to every client that mounts through it, other applications' data included. Give each
#   access point its own directory. An unknown path is not judged.
# scope: document
# custom:
#   id: aws-efs-access-point-root-directory
#   severity: medium
#   concern: iam
#   remediation: 'Set root_directory=aws.efs.AccessPointRootDirectoryArgs(path="/app", creation_info=...) on aws.efs.AccessPoint.'
#   compliance:
#     fsbp: ["EFS.3"]
#     nist-800-53: ["AC-3", "AC-6"]
deny contains msg if {
	input.type in resource_types
	path := object.get(input.properties, ["rootDirectory", "path"], "/")
	not pulumi.is_unknown(path)
	not pulumi.unknown(input.properties, "rootDirectory")
	path in {"/", ""}
	msg := sprintf("EFS access point %q exposes the file system's root directory: set rootDirectory.path to the application's own directory.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:efs/accessPoint:AccessPoint"})
