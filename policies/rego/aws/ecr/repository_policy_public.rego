package aws.ecr.repository_policy_public

import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: ECR repository policies do not let anyone pull or push images
# description: |
#   A repository policy (aws.ecr.RepositoryPolicy) must not Allow Principal "*",
#   {"AWS": "*"} or NotPrincipal without a condition narrowing the caller: anyone in
#   any AWS account could then pull the images (and the code and configuration baked
#   into them) or, with push actions, replace them. Deny statements and named
#   principals are fine; narrowing conditions are aws:SourceArn, aws:SourceAccount,
#   aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceVpce and the
#   like, as for the other resource-policy rules. An unknown policy is not judged.
# scope: document
# custom:
#   id: aws-ecr-repository-policy-public
#   severity: critical
#   concern: iam
#   remediation: Name the accounts or services that pull (e.g. the AWS account ARN arn:aws:iam::111122223333:root) or add an aws:PrincipalOrgID condition in the aws.ecr.RepositoryPolicy policy document.
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	input.type in resource_types
	some stmt in iam_policies.public_statements(input.properties.policy)
	msg := sprintf(
		"ECR repository policy %q has a policy %s that lets any AWS identity use the repository, with no condition narrowing the caller: name the accounts or services that pull from it, or add an aws:PrincipalOrgID or aws:SourceAccount condition.",
		[input.name, stmt],
	)
}

resource_types := pulumi.with_aliases({"aws:ecr/repositoryPolicy:RepositoryPolicy"})
