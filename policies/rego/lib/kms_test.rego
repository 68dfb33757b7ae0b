package lib.kms_test

import data.lib.kms

test_aws_managed_alias_by_name_and_arn if {
	kms.aws_managed_alias("alias/aws/sqs")
	kms.aws_managed_alias("arn:aws:kms:eu-west-1:123456789012:alias/aws/ssm")
	not kms.aws_managed_alias("alias/payments")
	not kms.aws_managed_alias("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
}

test_without_customer_key if {
	kms.without_customer_key({}, "kmsKeyId")
	kms.without_customer_key({"kmsKeyId": null}, "kmsKeyId")
	kms.without_customer_key({"kmsKeyId": "alias/aws/kinesis"}, "kmsKeyId")
	not kms.without_customer_key({"kmsKeyId": "alias/payments"}, "kmsKeyId")
}

test_unknown_key_is_not_reported if {
	not kms.without_customer_key({"kmsKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}, "kmsKeyId")
}

test_required_unless_profile_turns_it_off if {
	kms.required("aws-sqs-queue-cmk") with input as {}
	kms.required("aws-sqs-queue-cmk") with input as {"config": {"aws-sqs-queue-cmk": {"requireCustomerManagedKey": true}}}
	not kms.required("aws-sqs-queue-cmk") with input as {"config": {"aws-sqs-queue-cmk": {"requireCustomerManagedKey": false}}}
}
