package aws.ecr.repository_lifecycle_policy_test

import data.aws.ecr.repository_lifecycle_policy as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

repo_urn := "urn:pulumi:prod::api::aws:ecr/repository:Repository::api"

repo := {"type": "aws:ecr/repository:Repository", "urn": repo_urn, "name": "api", "properties": {"name": "api", "imageTagMutability": "IMMUTABLE"}}

policy(props, deps) := {"type": "aws:ecr/lifecyclePolicy:LifecyclePolicy", "urn": "urn:pulumi:prod::api::aws:ecr/lifecyclePolicy:LifecyclePolicy::api", "name": "api", "properties": object.union({"policy": "{\"rules\":[]}"}, props), "propertyDependencies": deps}

test_flags_repository_without_lifecycle_policy if {
	findings := rule.stack_deny with input as {"resources": [repo]}
	count(findings) == 1
	some f in findings
	f.urn == repo_urn
	count(rule.stack_deny) == 1 with input as {"resources": [repo, policy({"repository": "other"}, {})]}
}

test_passes_repository_with_lifecycle_policy if {
	count(rule.stack_deny) == 0 with input as {"resources": [repo, policy({"repository": unknown}, {"repository": [repo_urn]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [repo, policy({"repository": "api"}, {})]}
}

test_untraceable_unknown_repository_is_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [repo, policy({"repository": unknown}, {})]}
}
