package aws.msk.cluster_public_subnets_test

import data.aws.msk.cluster_public_subnets as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

subnet_urn := "urn:pulumi:prod::net::aws:ec2/subnet:Subnet::public-a"

subnet(public) := {"type": "aws:ec2/subnet:Subnet", "urn": subnet_urn, "name": "public-a", "properties": {"vpcId": "vpc-1", "cidrBlock": "10.0.0.0/24", "mapPublicIpOnLaunch": public, "id": "subnet-0a1"}}

cluster(subnets, deps) := {
	"type": "aws:msk/cluster:Cluster",
	"urn": "urn:pulumi:prod::events::aws:msk/cluster:Cluster::events",
	"name": "events",
	"properties": {"clusterName": "events", "kafkaVersion": "3.6.0", "numberOfBrokerNodes": 3, "brokerNodeGroupInfo": {"instanceType": "kafka.m5.large", "clientSubnets": subnets, "securityGroups": ["sg-1"]}},
	"propertyDependencies": deps,
}

test_flags_brokers_in_public_subnet if {
	count(rule.stack_deny) == 1 with input as {"resources": [subnet(true), cluster(["subnet-0a1", "subnet-0b2"], {})]}
	count(rule.stack_deny) == 1 with input as {"resources": [subnet(true), cluster([unknown, unknown], {"brokerNodeGroupInfo": [subnet_urn]})]}
}

test_passes_brokers_in_private_subnets if {
	count(rule.stack_deny) == 0 with input as {"resources": [subnet(false), cluster(["subnet-0a1"], {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [subnet(true), cluster(["subnet-0c3"], {})]}
}

test_unknown_subnets_are_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [subnet(true), cluster([unknown], {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [subnet(unknown), cluster(["subnet-0a1"], {})]}
}
