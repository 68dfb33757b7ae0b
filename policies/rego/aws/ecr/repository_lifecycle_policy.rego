package aws.ecr.repository_lifecycle_policy

import data.lib.pulumi
import data.lib.stack

# METADATA
# title: ECR repositories expire old images with a lifecycle policy
# description: |
#   Without a lifecycle policy, a repository keeps every image ever pushed: old images
#   with known vulnerabilities stay pullable (and deployable by mistake) and storage grows
#   without end. Each repository of the stack needs an aws.ecr.LifecyclePolicy whose
#   repository is it (found through its propertyDependencies or, once deployed, the
#   repository name). A lifecycle policy whose repository is unknown and untraceable could
#   cover any repository, so nothing is reported then.
# scope: document
# custom:
#   id: aws-ecr-repository-lifecycle-policy
#   severity: low
#   concern: iam
#   remediation: Add aws.ecr.LifecyclePolicy(repository=repo.name, policy=...) that expires untagged images after some days and keeps the last N tagged ones.
#   compliance:
#     fsbp: ["ECR.3"]
#     nist-800-53: ["CM-2", "SI-2"]
stack_deny contains {"urn": repo.urn, "message": msg} if {
	not stack.untraceable(policies, "repository")
	some repo in stack.of_type("aws:ecr/repository:Repository")
	not stack.referenced(repo, ["name", "id"], covered)
	msg := sprintf("ECR repository %q has no lifecycle policy, so old images are kept forever: add an aws.ecr.LifecyclePolicy.", [repo.name])
}

policies := stack.of_type("aws:ecr/lifecyclePolicy:LifecyclePolicy")

covered := stack.targets(policies, "repository")

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:ecr/lifecyclePolicy:LifecyclePolicy",
	"aws:ecr/repository:Repository",
})
