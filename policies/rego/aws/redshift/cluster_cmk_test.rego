package aws.redshift.cluster_cmk_test

import data.aws.redshift.cluster_cmk as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

cluster(props) := {
	"type": "aws:redshift/cluster:Cluster",
	"urn": "urn:pulumi:prod::dw::aws:redshift/cluster:Cluster::warehouse",
	"name": "warehouse",
	"properties": object.union({"clusterIdentifier": "warehouse", "nodeType": "ra3.xlplus", "masterUsername": "admin", "manageMasterPassword": true}, props),
}

test_flags_cluster_without_customer_key if {
	count(rule.deny) == 1 with input as cluster({"encrypted": true})
	count(rule.deny) == 1 with input as cluster({})
	count(rule.deny) == 1 with input as cluster({"encrypted": true, "kmsKeyId": "alias/aws/redshift"})
}

test_passes_customer_key if {
	count(rule.deny) == 0 with input as cluster({"encrypted": true, "kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
}

test_unencrypted_cluster_is_left_to_the_encryption_rule if {
	count(rule.deny) == 0 with input as cluster({"encrypted": false})
}

test_profile_can_accept_the_aws_managed_key if {
	count(rule.deny) == 0 with input as object.union(cluster({}), {"config": {"aws-redshift-cluster-cmk": {"requireCustomerManagedKey": false}}})
}

test_unknown_key_is_not_reported if {
	count(rule.deny) == 0 with input as cluster({"kmsKeyId": unknown})
}
