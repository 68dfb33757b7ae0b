package aws.wafv2.web_acl_rules

import data.lib.pulumi

# METADATA
# title: WAF web ACLs have at least one rule
# description: |
#   A web ACL with no rules only applies its default action to every request: associated
#   with an API, load balancer or distribution, it suggests protection where none is
#   evaluated. Add rules (managed rule groups, rate limits) or set them through ruleJson.
#   Unknown rule lists are not judged.
# scope: document
# custom:
#   id: aws-wafv2-web-acl-rules
#   severity: medium
#   concern: auth
#   remediation: 'Add rules to aws.wafv2.WebAcl, e.g. the AWSManagedRulesCommonRuleSet managed rule group and a rate-based rule.'
#   compliance:
#     fsbp: ["WAF.10"]
#     nist-800-53: ["SC-7"]
deny contains msg if {
	input.type in resource_types
	not pulumi.unknown(input.properties, "rules")
	count(object.get(input.properties, "rules", [])) == 0
	pulumi.absent(input.properties, "ruleJson")
	msg := sprintf("WAF web ACL %q has no rules, so it evaluates nothing: add managed rule groups or rules.", [input.name])
}

resource_types := pulumi.with_aliases({"aws:wafv2/webAcl:WebAcl"})
