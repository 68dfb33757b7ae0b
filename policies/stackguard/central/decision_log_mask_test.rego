package system.log_test

import data.system.log

batch := {"input": {
	"resources": [
		{"type": "aws:kms/key:Key", "urn": "urn:pulumi:prod::p::aws:kms/key:Key::k", "name": "k", "properties": {"description": "payroll"}, "options": {}},
		{"type": "aws:s3/bucketV2:BucketV2", "urn": "urn:pulumi:prod::p::aws:s3/bucketV2:BucketV2::b", "name": "b", "properties": {"bucket": "payroll-exports"}},
	],
	"config": {"aws-kms-key-deletion-window": {"minimumDays": 14}},
}}

test_a_batch_keeps_types_urns_and_names_and_erases_values if {
	log.mask with input as batch == {
		"/input/resources/0/properties", "/input/resources/0/options",
		"/input/resources/1/properties", "/input/config",
	}
}

test_one_resource_erases_its_values if {
	log.mask with input as {"input": {"type": "aws:kms/key:Key", "urn": "u", "properties": {"a": 1}, "provider": {"type": "p"}}} == {
		"/input/properties",
		"/input/provider",
	}
}

test_a_query_without_resources_erases_nothing if {
	count(log.mask) == 0 with input as {"input": {}}
}
