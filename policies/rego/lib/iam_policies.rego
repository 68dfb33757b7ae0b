# METADATA
# description: |
#   Helpers shared by the least-privilege rules: the identity policy documents of a
#   resource, which actions an Allow statement really grants (Action or NotAction, IAM
#   wildcards, case-insensitive), and when a resource-policy statement is public
#   (wildcard principal or NotPrincipal, no condition that narrows the callers).
#   Built on data.lib.iam, so documents may be JSON text or objects, and an unknown
#   document (a preview sentinel) yields nothing rather than a finding.
package lib.iam_policies

import data.lib.iam
import data.lib.pulumi

# Resource types whose `policy` property is an identity policy document, with the words
# that name them in messages.
identity_policy_kinds := {
	"aws:iam/policy:Policy": "IAM policy",
	"aws:iam/rolePolicy:RolePolicy": "IAM role policy",
	"aws:iam/userPolicy:UserPolicy": "IAM user policy",
	"aws:iam/groupPolicy:GroupPolicy": "IAM group policy",
}

# The resource types identity_documents reads: the identity policy kinds, and roles (inline policies).
identity_document_types := pulumi.with_aliases(object.keys(identity_policy_kinds) | {role_type})

role_type := "aws:iam/role:Role"

# identity_documents(resource) is the set of identity policy documents a resource carries,
# each {"subject": how messages name it, "document": the document (JSON text or object)}:
# the `policy` of policies and inline policies, and every inlinePolicies[].policy of a role.
identity_documents(resource) := own_documents(resource) | inline_documents(resource)

own_documents(resource) := {{"subject": sprintf("%s %q", [kind, resource.name]), "document": raw} |
	some token in pulumi.type_tokens(resource)
	kind := identity_policy_kinds[token]
	raw := resource.properties.policy
	iam.document(raw)
}

inline_documents(resource) := {{"subject": subject, "document": raw} |
	pulumi.is_type(resource, role_type)
	some i, inline in resource.properties.inlinePolicies
	raw := inline.policy
	iam.document(raw)
	subject := sprintf("IAM role %q (inline policy %s)", [resource.name, inline_name(inline, i)])
}

inline_name(inline, _) := sprintf("%q", [inline.name]) if known_string(inline, "name")

inline_name(inline, i) := sprintf("#%d", [i + 1]) if not known_string(inline, "name")

# Resource types that attach managed policies, the property holding the policy ARN(s), and
# the words that name them in messages: policy attachments (policyArn), Role
# (managedPolicyArns) and the *PolicyAttachmentsExclusive resources (policyArns), which
# declare the managed policies an identity keeps.
attachment_kinds := {
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment": {"key": "policyArn", "kind": "Role policy attachment"},
	"aws:iam/userPolicyAttachment:UserPolicyAttachment": {"key": "policyArn", "kind": "User policy attachment"},
	"aws:iam/groupPolicyAttachment:GroupPolicyAttachment": {"key": "policyArn", "kind": "Group policy attachment"},
	"aws:iam/policyAttachment:PolicyAttachment": {"key": "policyArn", "kind": "Policy attachment"},
	"aws:iam/role:Role": {"key": "managedPolicyArns", "kind": "IAM role"},
	"aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive": {"key": "policyArns", "kind": "Role policy attachments"},
	"aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive": {"key": "policyArns", "kind": "User policy attachments"},
	"aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive": {"key": "policyArns", "kind": "Group policy attachments"},
}

# The resource types attached_policies reads.
attachment_types := pulumi.with_aliases(object.keys(attachment_kinds))

# attached_policies(resource) is the set of managed policies a resource attaches, each
# {"subject": how messages name the resource, "arn": the policy ARN (a known string)}.
attached_policies(resource) := {{"subject": sprintf("%s %q", [a.kind, resource.name]), "arn": arn} |
	some token in pulumi.type_tokens(resource)
	a := attachment_kinds[token]
	some arn in iam.as_list(resource.properties[a.key])
	is_string(arn)
	not pulumi.is_unknown(arn)
}

# aws_managed_policy_name(arn) is the name of the AWS-managed policy an ARN points to, in any
# partition (arn:aws, arn:aws-cn, arn:aws-us-gov…), with its path dropped.
aws_managed_policy_name(arn) := parts[0][1] if {
	parts := regex.find_all_string_submatch_n(`^arn:aws(?:-[a-z0-9-]+)?:iam::aws:policy/(?:[A-Za-z0-9_+=,.@-]+/)*([A-Za-z0-9_+=,.@-]+)$`, arn, 1)
	count(parts) == 1
}

# Resource types whose property holds a resource-based policy (or a role's trust policy),
# with the words that name them in messages.
resource_policy_kinds := {
	"aws:iam/role:Role": {"key": "assumeRolePolicy", "kind": "IAM role trust policy of"},
	"aws:s3/bucket:Bucket": {"key": "policy", "kind": "S3 bucket"},
	"aws:s3/bucketPolicy:BucketPolicy": {"key": "policy", "kind": "S3 bucket policy"},
	"aws:sns/topic:Topic": {"key": "policy", "kind": "SNS topic"},
	"aws:sns/topicPolicy:TopicPolicy": {"key": "policy", "kind": "SNS topic policy"},
	"aws:sqs/queue:Queue": {"key": "policy", "kind": "SQS queue"},
	"aws:sqs/queuePolicy:QueuePolicy": {"key": "policy", "kind": "SQS queue policy"},
	"aws:kms/key:Key": {"key": "policy", "kind": "KMS key"},
	"aws:kms/keyPolicy:KeyPolicy": {"key": "policy", "kind": "KMS key policy"},
	"aws:secretsmanager/secretPolicy:SecretPolicy": {"key": "policy", "kind": "Secrets Manager secret policy"},
	"aws:ec2/vpcEndpoint:VpcEndpoint": {"key": "policy", "kind": "VPC endpoint"},
	"aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy": {"key": "policy", "kind": "VPC endpoint policy"},
	"aws:apigateway/restApi:RestApi": {"key": "policy", "kind": "API Gateway REST API"},
	"aws:apigateway/restApiPolicy:RestApiPolicy": {"key": "policy", "kind": "API Gateway REST API policy"},
	"aws:ecr/repositoryPolicy:RepositoryPolicy": {"key": "policy", "kind": "ECR repository policy"},
	"aws:efs/fileSystemPolicy:FileSystemPolicy": {"key": "policy", "kind": "EFS file system policy"},
	"aws:dynamodb/resourcePolicy:ResourcePolicy": {"key": "policy", "kind": "DynamoDB resource policy"},
	"aws:kinesis/resourcePolicy:ResourcePolicy": {"key": "policy", "kind": "Kinesis resource policy"},
	"aws:cloudwatch/logResourcePolicy:LogResourcePolicy": {"key": "policyDocument", "kind": "CloudWatch Logs resource policy"},
}

# The resource types resource_documents reads.
resource_document_types := pulumi.with_aliases(object.keys(resource_policy_kinds))

# resource_documents(resource) is the set of resource-based (and trust) policy documents a
# resource carries, each {"subject", "document"} like identity_documents.
resource_documents(resource) := {{"subject": sprintf("%s %q", [r.kind, resource.name]), "document": raw} |
	some token in pulumi.type_tokens(resource)
	r := resource_policy_kinds[token]
	raw := resource.properties[r.key]
	iam.document(raw)
}

# allow_statements(raw) is the set of Allow statements of a document, each
# {"label": how messages name it (its Sid, or its position), "statement": the statement}.
allow_statements(raw) := {{"label": statement_label(s, i), "statement": s} |
	some i, s in iam.statements(raw)
	s.Effect == "Allow"
}

statement_label(s, _) := sprintf("statement %q", [s.Sid]) if named(s)

statement_label(s, i) := sprintf("statement #%d", [i + 1]) if not named(s)

named(s) if {
	known_string(s, "Sid")
	s.Sid != ""
}

known_string(obj, key) if {
	pulumi.known(obj, key)
	is_string(obj[key])
}

# covers(pattern, action) holds when an IAM action pattern (lower-cased, with the IAM
# wildcards * and ?) matches the lower-cased action, e.g. covers("iam:put*", "iam:putrolepolicy").
covers(pattern, action) if glob.match(pattern, null, action)

# grants(stmt, action) holds when the statement's Action or NotAction lets it perform the
# (lower-cased) action: Action names it, or NotAction is given and does not exclude it.
grants(stmt, action) if {
	some pattern in iam.actions(stmt)
	covers(pattern, action)
}

grants(stmt, action) if {
	present(stmt, "NotAction")
	not undecidable(stmt, "NotAction")
	not excluded(stmt, action)
}

excluded(stmt, action) if {
	some pattern in iam.values(stmt, "NotAction")
	covers(lower(pattern), action)
}

# granted_by(stmt, action) is how the statement grants the action, for messages:
# the Action patterns that cover it, or "NotAction".
granted_by(stmt, action) := concat(", ", sort([sprintf("%q", [p]) | some p in iam.actions(stmt); covers(p, action)])) if {
	via_action(stmt, action)
}

granted_by(stmt, action) := "NotAction" if {
	not via_action(stmt, action)
	grants(stmt, action)
}

via_action(stmt, action) if {
	some p in iam.actions(stmt)
	covers(p, action)
}

# broad_resource(stmt) holds when the statement applies to every resource ("*"), or to
# every resource but some (NotResource).
broad_resource(stmt) if iam.any_resource(stmt)

broad_resource(stmt) if present(stmt, "NotResource")

# any_role(stmt) holds when the statement's resources take in every role of an account, or
# the roles of any account: every resource, or an IAM ARN pattern such as
# arn:aws:iam::*:role/* or arn:aws:iam::111122223333:role/* (a name prefix, role/app-*, does not).
any_role(stmt) if broad_resource(stmt)

any_role(stmt) if {
	some r in iam.resources(stmt)
	any_role_pattern(r)
}

# any_role_pattern(r) holds for an IAM ARN pattern with a wildcard account, or whose
# resource part is only wildcards (role/*, *).
any_role_pattern(r) if regex.match(`^arn:aws[a-z-]*:iam::[^:]*[*?][^:]*:`, r)

any_role_pattern(r) if regex.match(`^arn:aws[a-z-]*:iam::[^:]*:(role/?)?[*?]*\*[*?]*$`, r)

# first_few(items, separator) lists the first five of a set of strings, sorted, and says how
# many more there are: "a, b, c, d, e and 3 more".
first_few(items, separator) := concat(separator, sorted) if {
	sorted := sort(items)
	count(sorted) <= 5
}

first_few(items, separator) := sprintf("%s and %d more", [concat(separator, array.slice(sorted, 0, 5)), count(sorted) - 5]) if {
	sorted := sort(items)
	count(sorted) > 5
}

# present(stmt, key) holds when the statement has the element, whatever its value.
present(stmt, key) if stmt[key] != null

# undecidable(stmt, key) holds when the element, or one of its values, is unknown.
undecidable(stmt, key) if {
	some v in iam.as_list(stmt[key])
	pulumi.is_unknown(v)
}

# Condition keys that keep a wildcard principal in a resource policy from being public.
resource_policy_condition_keys := {
	"aws:sourcevpc",
	"aws:sourcevpce",
	"aws:sourceaccount",
	"aws:sourcearn",
	"aws:sourceowner",
	"aws:principalorgid",
	"aws:principalaccount",
	"aws:principalarn",
	"kms:calleraccount",
	"kms:viaservice",
	"aws:sourceip",
	"aws:principalorgpaths",
	"aws:vpceaccount",
	"aws:vpceorgid",
	"aws:vpceorgpaths",
}

# public_principal(stmt) holds when an Allow statement applies to anyone: Principal "*",
# {"AWS": "*"} (or any "*" value, or arn:aws:iam::*:root), or NotPrincipal, which allows
# everyone except the principals it lists.
public_principal(stmt) if iam.wildcard_principal(stmt)

public_principal(stmt) if present(stmt, "NotPrincipal")

# principal_summary(stmt) names the public principal for messages.
principal_summary(stmt) := "Principal \"*\"" if iam.wildcard_principal(stmt)

principal_summary(stmt) := "NotPrincipal" if not iam.wildcard_principal(stmt)

# restricted_by(stmt, keys) holds when the statement has a condition on one of the
# (lower-cased) keys that really narrows who may call: not a negated operator (…Not…,
# which lets every other value through), not …IfExists, Null or ForAllValues: (all true
# when the key is missing from the request), and only fixed values (see fixed_value).
# An unknown condition value counts as narrowing: it cannot be judged during a preview.
restricted_by(stmt, keys) if {
	some operator, block in stmt.Condition
	narrowing_operator(operator)
	some key, value in block
	lower(key) in keys
	values := iam.as_list(value)
	count(values) > 0
	every v in values {
		fixed_value(v)
	}
}

narrowing_operator(operator) if {
	op := lower(operator)
	not contains(op, "not")
	not endswith(op, "ifexists")
	not startswith(op, "forallvalues:")
	op != "null"
}

# fixed_value(v) holds for a condition value that names particular callers: not a policy
# variable (${aws:username} matches whoever asks), not an any-address CIDR, and without the
# wildcards * and ? ("1234*", arn:aws:iam::*:role/*), except in an ARN whose account is
# a fixed 12-digit id (arn:aws:sns:eu-west-1:111122223333:*), which still pins the account,
# and in an organization path under a fixed organization (o-a1b2c3d4e5/r-ab12/ou-ab12-1111/*).
fixed_value(v) if not is_string(v)

fixed_value(v) if pulumi.is_unknown(v)

fixed_value(v) if {
	is_string(v)
	not pulumi.is_unknown(v)
	not contains(v, "${")
	not v in any_address
	not regex.match(`[*?]`, v)
}

fixed_value(v) if {
	is_string(v)
	not contains(v, "${")
	regex.match(`^arn:aws[a-z-]*:[^:*?]+:[^:]*:[0-9]{12}:`, v)
}

fixed_value(v) if {
	is_string(v)
	not contains(v, "${")
	regex.match(`^o-[a-z0-9]{10,32}/r-[a-z0-9]{4,32}/`, v)
}

any_address := {"0.0.0.0/0", "::/0"}

# public_statements(raw) is the set of Allow statements of a resource policy that let
# anyone in without a condition from resource_policy_condition_keys, each described for
# a message, e.g. `statement "PublicRead" (Principal "*")`. Deny statements never count.
public_statements(raw) := open_statements(raw, resource_policy_condition_keys)

# open_statements(raw, keys) is public_statements with the given narrowing condition keys.
open_statements(raw, keys) := {sprintf("%s (%s)", [a.label, principal_summary(a.statement)]) |
	some a in allow_statements(raw)
	public_principal(a.statement)
	not restricted_by(a.statement, keys)
}
