package aws.redshift.cluster_encrypted_test

import data.aws.redshift.cluster_encrypted as rule

cluster(props) := {
	"type": "aws:redshift/cluster:Cluster",
	"urn": "urn:pulumi:prod::api::aws:redshift/cluster:Cluster::warehouse",
	"name": "warehouse",
	"properties": object.union({"clusterIdentifier": "warehouse", "nodeType": "ra3.xlplus", "clusterType": "single-node", "manageMasterPassword": true}, props),
}

test_flags_encryption_turned_off if {
	count(rule.deny) == 1 with input as cluster({"encrypted": false})
}

test_passes_encrypted_cluster if {
	count(rule.deny) == 0 with input as cluster({"encrypted": true, "kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
}

test_passes_provider_default if {
	count(rule.deny) == 0 with input as cluster({})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as cluster({"encrypted": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
