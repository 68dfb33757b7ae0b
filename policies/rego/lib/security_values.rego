# METADATA
# description: |
#   The properties whose values decide a resource's security (who may act, what is
#   reachable, what is encrypted): what the gate must see to judge the resource. A
#   value there that is unknown until deployment (a preview sentinel) was not judged,
#   and the gate says so instead of reporting the resource clean.
package lib.security_values

import data.lib.pulumi

# Top-level properties, per type token, whose value decides the resource's security.
properties := {
	"aws:iam/policy:Policy": {"policy"},
	"aws:iam/rolePolicy:RolePolicy": {"policy"},
	"aws:iam/userPolicy:UserPolicy": {"policy"},
	"aws:iam/groupPolicy:GroupPolicy": {"policy"},
	"aws:iam/role:Role": {"assumeRolePolicy", "managedPolicyArns"},
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment": {"policyArn"},
	"aws:iam/userPolicyAttachment:UserPolicyAttachment": {"policyArn"},
	"aws:iam/groupPolicyAttachment:GroupPolicyAttachment": {"policyArn"},
	"aws:kms/key:Key": {"enableKeyRotation", "policy", "bypassPolicyLockoutSafetyCheck"},
	"aws:kms/keyPolicy:KeyPolicy": {"policy"},
	"aws:ec2/securityGroupRule:SecurityGroupRule": {"type", "cidrBlocks", "ipv6CidrBlocks", "fromPort", "toPort", "protocol"},
	"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {"cidrIpv4", "cidrIpv6", "fromPort", "toPort", "ipProtocol"},
	"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {"cidrIpv4", "cidrIpv6", "fromPort", "toPort", "ipProtocol"},
	"aws:rds/instance:Instance": {"publiclyAccessible", "storageEncrypted"},
	"aws:rds/cluster:Cluster": {"storageEncrypted"},
	"aws:lambda/functionUrl:FunctionUrl": {"authorizationType"},
	"aws:lambda/permission:Permission": {"principal", "functionUrlAuthType"},
	"aws:s3/bucketPolicy:BucketPolicy": {"policy"},
	"aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": {"blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"},
	"aws:sqs/queuePolicy:QueuePolicy": {"policy"},
	"aws:sns/topicPolicy:TopicPolicy": {"policy"},
	"aws:apigateway/method:Method": {"authorization"},
	"aws:apigatewayv2/route:Route": {"authorizationType"},
	"aws:ec2/instance:Instance": {"associatePublicIpAddress"},
}

# Lists of objects, per type token, and the fields of each object that decide its security.
item_fields := {
	"aws:ec2/securityGroup:SecurityGroup": {
		"ingress": {"cidrBlocks", "ipv6CidrBlocks", "fromPort", "toPort", "protocol"},
		"egress": {"cidrBlocks", "ipv6CidrBlocks", "fromPort", "toPort", "protocol"},
	},
	"aws:iam/role:Role": {"inlinePolicies": {"policy"}},
}

# The type tokens this library knows security-relevant properties of (with aliases).
types := pulumi.with_aliases({t | some t, _ in properties} | {t | some t, _ in item_fields})

# values holds [label, value] for each security-relevant value of the resource in input: a
# top-level property, a list of objects itself, or a field of one of its objects.
values contains [key, input.properties[key]] if {
	some token in pulumi.type_tokens(input)
	some key in object.get(properties, token, set())
}

values contains [key, input.properties[key]] if {
	some token in pulumi.type_tokens(input)
	some key, _ in object.get(item_fields, token, {})
}

values contains [sprintf("%s[%d].%s", [key, i, field]), item[field]] if {
	some token in pulumi.type_tokens(input)
	some key, fields in object.get(item_fields, token, {})
	some i, item in input.properties[key]
	is_object(item)
	some field in fields
}

# unknown holds the label of each security-relevant value of the resource in input that is
# unknown until deployment: the value itself, or an element of a list (cidrBlocks: [<unknown>]).
unknown contains label if {
	some [label, value] in values
	pulumi.is_unknown(value)
}

unknown contains label if {
	some [label, value] in values
	is_array(value)
	some element in value
	pulumi.is_unknown(element)
}

# What stackguard hands OPA in place of a secret value it does not read (policies/stackguard/vocabulary.py).
secret_marker := "[secret]"

# secret holds the label of each security-relevant value of the resource in input that reached
# the gate only as a Pulumi secret: the value itself, or an element of a list.
secret contains label if {
	some [label, value] in values
	value == secret_marker
}

secret contains label if {
	some [label, value] in values
	is_array(value)
	secret_marker in value
}
