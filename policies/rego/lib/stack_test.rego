package lib.stack_test

import data.lib.stack

bucket := {"type": "aws:s3/bucketV2:BucketV2", "urn": "urn:b", "name": "b", "properties": {"bucket": "data-bucket"}}

by_dependency := {
	"type": "aws:s3/bucketPolicy:BucketPolicy", "urn": "urn:p", "name": "p",
	"properties": {"bucket": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"},
	"propertyDependencies": {"bucket": ["urn:b"]},
}

by_value := {"type": "aws:s3/bucketPolicy:BucketPolicy", "urn": "urn:q", "name": "q", "properties": {"bucket": "data-bucket"}}

test_of_type_matches_aliases if {
	count(stack.of_type("aws:s3/bucket:Bucket")) == 1 with input as {"resources": [bucket, by_value]}
}

test_reference_through_property_dependencies if {
	set := stack.targets([by_dependency], "bucket")
	stack.referenced(bucket, ["bucket"], set)
}

test_reference_through_value if {
	set := stack.targets([by_value], "bucket")
	stack.referenced(bucket, ["bucket"], set)
}

test_unknown_values_are_not_references if {
	stack.targets([by_dependency], "bucket") == {"urn:b"}
}

test_unrelated_resource_is_not_referenced if {
	other := {"type": "aws:s3/bucketV2:BucketV2", "urn": "urn:o", "name": "o", "properties": {"bucket": "other"}}
	not stack.referenced(other, ["bucket"], stack.targets([by_value, by_dependency], "bucket"))
}

test_list_values_are_references if {
	r := {"urn": "urn:a", "properties": {"resourceArns": ["arn:1", "arn:2"]}}
	stack.refs(r, "resourceArns") == {"arn:1", "arn:2"}
}

test_unknown_reference_without_dependencies_is_untraceable if {
	untraced := {"urn": "urn:u", "properties": {"bucket": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}
	stack.untraceable([by_value, untraced], "bucket")
}

test_unknown_reference_with_dependencies_is_traceable if {
	not stack.untraceable([by_dependency], "bucket")
}

test_known_or_absent_reference_is_traceable if {
	not stack.untraceable([by_value, {"urn": "urn:n", "properties": {}}], "bucket")
}
