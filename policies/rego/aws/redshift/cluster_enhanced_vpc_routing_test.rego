package aws.redshift.cluster_enhanced_vpc_routing_test

import data.aws.redshift.cluster_enhanced_vpc_routing as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:redshift/cluster:Cluster",
	"urn": "urn:pulumi:prod::app::aws:redshift/cluster:Cluster::main",
	"name": "main",
	"properties": object.union({"clusterIdentifier": "warehouse", "nodeType": "ra3.xlplus", "numberOfNodes": 2, "masterUsername": "dw_owner", "manageMasterPassword": true, "encrypted": "true", "enhancedVpcRouting": true}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"enhancedVpcRouting": false})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"enhancedVpcRouting": true})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"enhancedVpcRouting": unknown})
}
