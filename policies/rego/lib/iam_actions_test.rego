package lib.iam_actions_test

import data.lib.iam_actions

test_exact_actions_exist_case_folded_by_the_caller if {
	iam_actions.exists("s3:getobject")
	not iam_actions.exists("s3:getobjects")
	not iam_actions.exists("dynamo:getitem")
}

test_patterns_exist_when_they_match_an_action if {
	every pattern in ["*", "s3:get*", "iam:?*", "*:getobject", "dynamodb:?etitem"] {
		iam_actions.exists(pattern)
	}
	every pattern in ["s3:get*objekt", "s3", "s3:get[object]", "s3:get object", ":*"] {
		not iam_actions.exists(pattern)
	}
}

test_expand_lists_the_matching_actions if {
	iam_actions.expand("sqs:send*") == {"sqs:sendmessage"}
	"s3:getobject" in iam_actions.expand("s*:getobject")
}

test_access_level_and_scoping if {
	iam_actions.level("s3:getobject") == "R"
	iam_actions.level("s3:putbucketpolicy") == "P"
	iam_actions.level("iam:listroles") == "L"
	iam_actions.scopable("s3:getobject")
	not iam_actions.scopable("s3:listallmybuckets")
}

test_risk_lists_keep_aws_spelling if {
	iam_actions.privilege_escalation["iam:createpolicyversion"] == "iam:CreatePolicyVersion"
	iam_actions.credentials_exposure["iam:createaccesskey"] == "iam:CreateAccessKey"
	iam_actions.data_exfiltration["secretsmanager:getsecretvalue"] == "secretsmanager:GetSecretValue"
	iam_actions.resource_exposure["s3:putbucketpolicy"] == "s3:PutBucketPolicy"
	startswith(iam_actions.catalog_version, "0.1.")
}

test_unknown_sentinel_is_no_action if not iam_actions.exists("04da6b54-80e4-46f7-96ec-b56ff0331ba9")

test_matches_some_agrees_with_expand if {
	every pattern in ["s3:get*", "s*:getobject", "sqs:send*", "iam:?*"] {
		iam_actions.matches_some(pattern)
		count(iam_actions.expand(pattern)) > 0
	}
	every pattern in ["s3:get*objekt", "*:nosuchaction*", "s3", "*", ":*"] {
		not iam_actions.matches_some(pattern)
		count(iam_actions.expand(pattern)) == 0
	}
}
