package lib.pulumi_test

import data.lib.pulumi

test_alias_matches_bucket_v2 if pulumi.is_type({"type": "aws:s3/bucketV2:BucketV2"}, "aws:s3/bucket:Bucket")

test_alias_matches_alb_listener if pulumi.is_type({"type": "aws:alb/listener:Listener"}, "aws:lb/listener:Listener")

test_plain_type_matches_itself if pulumi.is_type({"type": "aws:kms/key:Key"}, "aws:kms/key:Key")

test_other_type_does_not_match if not pulumi.is_type({"type": "aws:kms/alias:Alias"}, "aws:kms/key:Key")

test_type_tokens_of_an_alias_name_the_token_it_aliases if {
	pulumi.type_tokens({"type": "aws:s3/bucketV2:BucketV2"}) == {"aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket"}
	pulumi.type_tokens({"type": "aws:kms/key:Key"}) == {"aws:kms/key:Key"}
}

test_type_tokens_agree_with_is_type if {
	types := {"aws:kms/key:Key"} | {t | some names in pulumi.aliases; some t in names}
	every type in types {
		resource := {"type": type}
		{token | some token in types; pulumi.is_type(resource, token)} == pulumi.type_tokens(resource)
	}
}

test_with_aliases_adds_every_alias if {
	pulumi.with_aliases({"aws:s3/bucket:Bucket", "aws:kms/key:Key"}) == {"aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2", "aws:kms/key:Key"}
}

test_with_aliases_agrees_with_is_type if {
	every token, _ in pulumi.aliases {
		every t in pulumi.with_aliases({token}) {
			pulumi.is_type({"type": t}, token)
		}
	}
}

test_unknown_is_not_absent if {
	props := {"kmsKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}
	pulumi.unknown(props, "kmsKeyId")
	not pulumi.absent(props, "kmsKeyId")
	not pulumi.known(props, "kmsKeyId")
	not pulumi.is_false(props, "kmsKeyId")
}

test_missing_and_null_are_absent if {
	pulumi.absent({}, "kmsKeyId")
	pulumi.absent({"kmsKeyId": null}, "kmsKeyId")
}

test_false_is_false if pulumi.is_false({"enabled": false}, "enabled")

test_true_is_not_false if not pulumi.is_false({"enabled": true}, "enabled")

test_config_defaults_to_empty if pulumi.config("aws-x-y") == {} with input as {}

test_config_reads_rule_entry if {
	pulumi.config("aws-x-y") == {"a": 1} with input as {"config": {"aws-x-y": {"a": 1}}}
}

test_unknown_object_has_nothing_absent if {
	not pulumi.absent("dd056dcd-154b-4c76-9bd3-c8f88648b5ff", "destinationArn")
	not pulumi.is_false("dd056dcd-154b-4c76-9bd3-c8f88648b5ff", "destinationArn")
}

test_empty_and_blank_strings_are_absent if {
	pulumi.absent({"kmsKeyId": ""}, "kmsKeyId")
	pulumi.absent({"kmsKeyId": "  "}, "kmsKeyId")
	not pulumi.known({"kmsKeyId": ""}, "kmsKeyId")
	pulumi.is_false({"encrypted": ""}, "encrypted")
}

test_configured_values_are_not_absent if {
	not pulumi.absent({"kmsKeyId": "alias/data"}, "kmsKeyId")
	not pulumi.absent({"retentionInDays": 0}, "retentionInDays")
	not pulumi.absent({"encrypted": false}, "encrypted")
	pulumi.known({"kmsKeyId": "alias/data"}, "kmsKeyId")
}

test_alias_of_is_aliases_turned_around if {
	pulumi.alias_of == {name: {token | some token, names in pulumi.aliases; name in names} |
		some names in pulumi.aliases
		some name in names
	}
}
