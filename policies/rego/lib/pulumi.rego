# METADATA
# description: |
#   Helpers for reading Pulumi resources as stackguard sends them to OPA:
#   type aliases, and the difference between an absent value and one that
#   is unknown until the deployment runs (a preview sentinel).
package lib.pulumi

# Pulumi's sentinels for values that cannot be known during a preview.
unknown_sentinels := {
	"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
	"3eeb2bf0-c639-47a8-9e75-3b44932eb421",
	"04da6b54-80e4-46f7-96ec-b56ff0331ba9",
	"6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
	"030794c1-ac77-496b-92df-f27374a8bd58",
	"e48ece36-62e2-4504-bad9-02848725956a",
	"dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
}

# Type tokens that name the same AWS resource under different provider versions.
aliases := {
	"aws:s3/bucket:Bucket": {"aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"},
	"aws:lb/listener:Listener": {"aws:lb/listener:Listener", "aws:alb/listener:Listener"},
	"aws:lb/loadBalancer:LoadBalancer": {"aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"},
	"aws:s3/bucketPolicy:BucketPolicy": {"aws:s3/bucketPolicy:BucketPolicy"},
	"aws:s3/bucketAcl:BucketAcl": {"aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"},
	"aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
		"aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
		"aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
	},
}

# is_type(resource, token) holds when the resource is of the type or one of its aliases.
is_type(resource, token) if resource.type in object.get(aliases, token, {token})

# type_tokens(resource) is the set of type tokens the resource is of: its type and the tokens it
# is an alias of; is_type(resource, token) holds for exactly these. Look a resource's entry up
# in a table keyed by type token with `some token in type_tokens(resource); kinds[token]`.
type_tokens(resource) := {resource.type} | object.get(alias_of, resource.type, set())

# alias_of maps each type token to the tokens it is an alias of: aliases turned around, so that
# type_tokens, called for every resource by several rules, is a lookup and not a scan of aliases.
# Written out, not computed from aliases: batch_deny judges each resource `with input as` it,
# and OPA starts a new cache for each, so a computed table would be built again for every
# resource (a quarter of a batch's time). pulumi_test.rego checks it is the inverse of aliases.
alias_of := {
	"aws:s3/bucket:Bucket": {"aws:s3/bucket:Bucket"},
	"aws:s3/bucketV2:BucketV2": {"aws:s3/bucket:Bucket"},
	"aws:lb/listener:Listener": {"aws:lb/listener:Listener"},
	"aws:alb/listener:Listener": {"aws:lb/listener:Listener"},
	"aws:lb/loadBalancer:LoadBalancer": {"aws:lb/loadBalancer:LoadBalancer"},
	"aws:alb/loadBalancer:LoadBalancer": {"aws:lb/loadBalancer:LoadBalancer"},
	"aws:s3/bucketPolicy:BucketPolicy": {"aws:s3/bucketPolicy:BucketPolicy"},
	"aws:s3/bucketAcl:BucketAcl": {"aws:s3/bucketAcl:BucketAcl"},
	"aws:s3/bucketAclV2:BucketAclV2": {"aws:s3/bucketAcl:BucketAcl"},
	"aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
		"aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
	},
	"aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": {
		"aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
	},
}

# with_aliases(tokens) is the set of type tokens with the aliases of each: what a rule declares
# as its resource_types, e.g. with_aliases({"aws:s3/bucket:Bucket"}) also holds
# "aws:s3/bucketV2:BucketV2". `input.type in resource_types` is then is_type for any of them.
with_aliases(tokens) := tokens | {t | some token in tokens; some t in aliases[token]}

# any_type in a rule's resource_types says the rule judges resources of every type (it looks
# for a property, whatever the resource): stackguard consults it for each resource.
any_type := "*"

# is_unknown(value) holds for a value that a preview cannot know yet.
is_unknown(value) if value in unknown_sentinels

# known(obj, key) holds when obj has a value at key that is known, not null and not blank.
known(obj, key) if {
	value := obj[key]
	value != null
	not blank(value)
	not is_unknown(value)
}

# unknown(obj, key) holds when the value at key will only be known after deployment.
unknown(obj, key) if is_unknown(obj[key])

# absent(obj, key) holds when the key is missing, null, or an empty (or whitespace-only) string:
# a violation for required settings, as opposed to unknown(obj, key), which a rule cannot judge
# yet. Providers send "" for an unset string input (kmsKeyId = ""), and AWS treats it as no value:
# an empty key id encrypts nothing.
absent(obj, key) if {
	is_object(obj) # an unknown object (a sentinel string) is not absent
	not has_value(obj, key)
}

has_value(obj, key) if {
	value := obj[key]
	value != null
	not blank(value)
}

blank(value) if {
	is_string(value)
	trim_space(value) == ""
}

# is_false(obj, key) holds when the setting is absent or explicitly false (never when unknown).
is_false(obj, key) if absent(obj, key)

is_false(obj, key) if obj[key] == false

# config(rule_id) is the rule's configuration from the policy profile, {} when none is given.
config(rule_id) := object.get(input, ["config", rule_id], {})
