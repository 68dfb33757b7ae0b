package aws.wafv2.web_acl_metrics

import data.lib.pulumi

# METADATA
# title: WAF web ACLs and their rules publish CloudWatch metrics
# description: |
#   visibilityConfig.cloudwatchMetricsEnabled false on a web ACL or one of its rules hides
#   how many requests it allowed, blocked or counted: an attack in progress, or a rule
#   that silently stopped matching, raises no alarm. The web ACL and each of its rules
#   must publish metrics. Unknown settings are not judged.
# scope: document
# custom:
#   id: aws-wafv2-web-acl-metrics
#   severity: low
#   concern: logging
#   remediation: Set visibility_config=aws.wafv2.WebAclVisibilityConfigArgs(cloudwatch_metrics_enabled=True, metric_name="api-acl", sampled_requests_enabled=True) on the web ACL and on each rule.
#   compliance:
#     fsbp: ["WAF.12"]
#     nist-800-53: ["AU-12", "SI-4"]
deny contains msg if {
	input.type in resource_types
	object.get(input.properties, ["visibilityConfig", "cloudwatchMetricsEnabled"], null) == false
	msg := sprintf("WAF web ACL %q publishes no CloudWatch metrics: set visibilityConfig.cloudwatchMetricsEnabled to true.", [input.name])
}

deny contains msg if {
	input.type in resource_types
	some rule in object.get(input.properties, "rules", [])
	object.get(rule, ["visibilityConfig", "cloudwatchMetricsEnabled"], null) == false
	msg := sprintf("WAF web ACL %q: rule %q publishes no CloudWatch metrics: set its visibilityConfig.cloudwatchMetricsEnabled to true.", [input.name, object.get(rule, "name", "")])
}

resource_types := pulumi.with_aliases({"aws:wafv2/webAcl:WebAcl"})
