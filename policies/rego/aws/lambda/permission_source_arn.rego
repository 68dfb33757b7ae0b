package aws.lambda.permission_source_arn

import data.lib.pulumi

# METADATA
# title: Lambda permissions for AWS services name the calling resource
# description: |
#   A Lambda permission granted to an AWS service principal (s3.amazonaws.com,
#   sns.amazonaws.com, events.amazonaws.com…) without sourceArn lets that service invoke
#   the function on behalf of any resource, in any account (the confused-deputy problem):
#   anyone can point their own bucket, topic or rule at it. For s3.amazonaws.com,
#   sourceAccount is required as well, because bucket ARNs carry no account id and a
#   deleted bucket's name can be taken by another account. Principal "*" is always
#   flagged (even with a sourceArn), unless principalOrgId limits it to your organization.
#   A sourceArn with a wildcard account (arn:aws:sns:us-east-1:*:alerts) names a resource
#   in any account, so it needs sourceAccount too. An unknown principal or source is not
#   judged.
# scope: document
# custom:
#   id: aws-lambda-permission-source-arn
#   severity: critical
#   concern: iam
#   remediation: Set sourceArn to the ARN of the resource that invokes the function (and sourceAccount for S3), and never use principal "*".
#   compliance:
#     fsbp: ["Lambda.1"]
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	is_permission
	input.properties.principal == "*"
	pulumi.absent(input.properties, "principalOrgId")
	msg := sprintf(
		"Lambda permission %q lets any principal of any AWS account invoke the function (principal \"*\"): set principal to the service or account that calls it, with sourceArn (or limit it with principalOrgId); exempt it with a reason only for a deliberately public function URL.",
		[input.name],
	)
}

deny contains msg if {
	is_permission
	service := service_principal
	service != "s3.amazonaws.com"
	pulumi.absent(input.properties, "sourceArn")
	msg := sprintf(
		"Lambda permission %q lets %s invoke the function for any resource in any account (no sourceArn): set sourceArn to the ARN of the resource that calls it (rule, topic, API, log group…).",
		[input.name, service],
	)
}

deny contains msg if {
	is_permission
	service_principal == "s3.amazonaws.com"
	pulumi.absent(input.properties, "sourceArn")
	msg := sprintf(
		"Lambda permission %q lets S3 invoke the function for any bucket in any account (no sourceArn): set sourceArn to the bucket ARN and sourceAccount to the account that owns it.",
		[input.name],
	)
}

deny contains msg if {
	is_permission
	service_principal == "s3.amazonaws.com"
	not pulumi.absent(input.properties, "sourceArn")
	pulumi.absent(input.properties, "sourceAccount")
	msg := sprintf(
		"Lambda permission %q names the bucket but not its account (no sourceAccount): bucket ARNs carry no account id, so set sourceAccount to the account that owns the bucket.",
		[input.name],
	)
}

deny contains msg if {
	is_permission
	service := service_principal
	wildcard_account(input.properties.sourceArn)
	pulumi.absent(input.properties, "sourceAccount")
	msg := sprintf(
		"Lambda permission %q lets %s invoke the function for a resource in any account (sourceArn has a wildcard account): set sourceAccount to the account that owns the calling resource, or name the account in sourceArn.",
		[input.name, service],
	)
}

resource_types := pulumi.with_aliases({"aws:lambda/permission:Permission"})

is_permission if input.type in resource_types

# service_principal is the (lower-cased) AWS service principal of the permission.
service_principal := service if {
	principal := input.properties.principal
	is_string(principal)
	service := lower(principal)
	regex.match(`^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$`, service)
}

# wildcard_account(arn) holds when the ARN's account field is a wildcard pattern.
wildcard_account(arn) if {
	is_string(arn)
	parts := split(arn, ":")
	count(parts) > 5
	contains(parts[4], "*")
}
