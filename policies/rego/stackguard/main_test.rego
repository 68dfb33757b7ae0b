package stackguard_test

import data.stackguard

test_deny_tags_findings_with_rule_id if {
	findings := stackguard.deny with input as {"type": "aws:kms/key:Key", "name": "k", "properties": {}}
	some f in findings
	f.rule == "aws-kms-key-rotation"
}

test_deny_is_empty_for_unrelated_resource if {
	count(stackguard.deny) == 0 with input as {"type": "pulumi:pulumi:Stack", "name": "s", "properties": {}}
}

test_rule_id_replaces_underscores if stackguard.rule_id("apigateway", "rest_api_endpoint_type") == "aws-apigateway-rest-api-endpoint-type"

test_batch_deny_tags_each_finding_with_its_resource if {
	resources := [
		{"type": "aws:kms/key:Key", "urn": "urn:a", "name": "a", "properties": {}},
		{"type": "aws:kms/key:Key", "urn": "urn:b", "name": "b", "properties": {"enableKeyRotation": true}},
	]
	findings := stackguard.batch_deny with input as {"resources": resources, "config": {}}
	{f.urn | some f in findings; f.rule == "aws-kms-key-rotation"} == {"urn:a"}
}

test_batch_deny_passes_rule_parameters if {
	key := {"type": "aws:kms/key:Key", "urn": "urn:k", "name": "k", "properties": {"enableKeyRotation": true, "deletionWindowInDays": 10}}
	strict := stackguard.batch_deny with input as {"resources": [key], "config": {"aws-kms-key-deletion-window": {"minimumDays": 30}}}
	loose := stackguard.batch_deny with input as {"resources": [key], "config": {"aws-kms-key-deletion-window": {"minimumDays": 7}}}
	"aws-kms-key-deletion-window" in {f.rule | some f in strict}
	not "aws-kms-key-deletion-window" in {f.rule | some f in loose}
}

test_rules_lists_resource_and_stack_rules if {
	"aws-kms-key-rotation" in stackguard.rules
	"aws-apigateway-stage-web-acl" in stackguard.rules
	not "aws-kms-key-rotation-test" in stackguard.rules
}

# A team's rule, placed under data.aws as if loaded from another folder: its deny answers the
# same message whatever the resource, so a finding shows that the rule was consulted.
team_rule := {"deny": {"consulted"}}

typed_team_rule := object.union(team_rule, {"resource_types": {"aws:kms/key:Key"}})

key := {"type": "aws:kms/key:Key", "urn": "urn:key", "name": "k", "properties": {"enableKeyRotation": true}}

bucket := {"type": "aws:s3/bucketV2:BucketV2", "urn": "urn:bucket", "name": "b", "properties": {}}

stack := {"type": "pulumi:pulumi:Stack", "urn": "urn:stack", "name": "s", "properties": {}}

consulted_rules(resource) := {f.rule | some f in findings; f.message == "consulted"} if {
	findings := stackguard.deny with input as resource
		with data.aws.team.undeclared as team_rule
		with data.aws.team.typed as typed_team_rule
}

test_typed_rule_is_consulted_only_for_its_types if {
	"aws-team-typed" in consulted_rules(key)
	not "aws-team-typed" in consulted_rules(bucket)
	not "aws-team-typed" in consulted_rules(stack)
}

test_undeclared_rule_is_consulted_for_every_type if {
	every resource in [key, bucket, stack, {"name": "no type", "properties": {}}] {
		"aws-team-undeclared" in consulted_rules(resource)
	}
}

test_any_type_rule_is_consulted_for_every_type if {
	every resource in [key, bucket, stack] {
		"aws-team-any" in {f.rule | some f in stackguard.deny; f.message == "consulted"} with input as resource
			with data.aws.team.any as object.union(team_rule, {"resource_types": {"*"}})
	}
}

test_index_consults_rules_by_declared_type if {
	index := stackguard.rule_index with data.aws.team.undeclared as team_rule with data.aws.team.typed as typed_team_rule
	index.declared[["team", "typed"]] == {"aws:kms/key:Key"}
	["team", "undeclared"] in index.every_type
	not ["team", "typed"] in index.every_type
	["iam", "policy_secret_unverifiable"] in index.every_type # declares pulumi.any_type
	keys := stackguard.consulted(index, "aws:kms/key:Key")
	{["team", "typed"], ["team", "undeclared"], ["kms", "key_rotation"]} - keys == set()
	buckets := stackguard.consulted(index, "aws:s3/bucketV2:BucketV2")
	["s3", "bucket_policy_public"] in buckets # declares aws:s3/bucket:Bucket, of which BucketV2 is an alias
	not ["kms", "key_rotation"] in buckets
	not ["team", "typed"] in buckets
	["team", "undeclared"] in buckets
}

test_batch_index_holds_the_answer_for_each_type_of_the_stack if {
	resources := [key, bucket]
	index := stackguard.batch_index with input as {"resources": resources, "config": {}}
	object.keys(index.by_type) == {"aws:kms/key:Key", "aws:s3/bucketV2:BucketV2"}
	every type, pairs in index.by_type {
		pairs == stackguard.consulted(stackguard.rule_index, type)
	}
}

test_builtin_rules_are_consulted_only_for_their_types if {
	consulted := stackguard.consulted(stackguard.rule_index, "aws:kms/key:Key")
	["kms", "key_rotation"] in consulted
	not ["s3", "bucket_sse_kms"] in consulted # a stack rule
	not ["lambda", "function_url_auth"] in consulted
}

test_deny_and_batch_deny_agree if {
	unrotated := {"type": "aws:kms/key:Key", "urn": "urn:unrotated", "name": "u", "properties": {}}
	resources := [key, bucket, stack, unrotated]
	config := {"aws-kms-key-deletion-window": {"minimumDays": 30}}
	batch := stackguard.batch_deny with input as {"resources": resources, "config": config}
		with data.aws.team.undeclared as team_rule
		with data.aws.team.typed as typed_team_rule
	single := {object.union(f, {"urn": r.urn}) |
		some r in resources
		some f in stackguard.deny with input as object.union(r, {"config": config})
			with data.aws.team.undeclared as team_rule
			with data.aws.team.typed as typed_team_rule
	}
	batch == single
	{"aws-kms-key-rotation", "aws-team-typed", "aws-team-undeclared"} == {f.rule | some f in batch}
}
