package aws.lambda.function_vpc_multi_az_test

import data.aws.lambda.function_vpc_multi_az

fn(vpc) := {"type": "aws:lambda/function:Function", "name": "fn", "properties": {"runtime": "python3.12", "vpcConfig": vpc}}

test_flags_one_subnet if {
	count(function_vpc_multi_az.deny) == 1 with input as fn({"subnetIds": ["subnet-0a"], "securityGroupIds": ["sg-1"]})
}

test_passes_two_subnets if {
	count(function_vpc_multi_az.deny) == 0 with input as fn({"subnetIds": ["subnet-0a", "subnet-0b"], "securityGroupIds": ["sg-1"]})
}

test_passes_function_outside_a_vpc if {
	count(function_vpc_multi_az.deny) == 0 with input as {"type": "aws:lambda/function:Function", "name": "fn", "properties": {}}
}

test_unknown_subnets_are_not_reported if {
	count(function_vpc_multi_az.deny) == 0 with input as fn({"subnetIds": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
