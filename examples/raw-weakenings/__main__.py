"""Insecure on purpose: each weakening that stackguard's components only allow with a reason, written with raw
pulumi_aws resources. `stackguard preflight --project examples/raw-weakenings --stack dev --profile prod` must
report every one (tests/components/test_weakenings.py checks which rule reports which resource).
"""
import json

import pulumi_aws as aws

ACCOUNT = "111111111111"
LAMBDA_URI = (f"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
              f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:orders/invocations")

# 7. An OpenAPI body that the rules must read: a plain-http backend, certificate verification off, an operation
# without security, and a resource policy open to anyone.
aws.apigateway.RestApi("openapi-body", endpoint_configuration={"types": "REGIONAL"}, body=json.dumps({
    "openapi": "3.0.1",
    "info": {"title": "orders", "version": "1"},
    "x-amazon-apigateway-policy": {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}]},
    "paths": {
        "/legacy": {"get": {"x-amazon-apigateway-integration": {
            "type": "http_proxy", "httpMethod": "GET", "uri": "http://legacy.example.com/orders"}}},
        "/partner": {"get": {"x-amazon-apigateway-integration": {
            "type": "http_proxy", "httpMethod": "GET", "uri": "https://partner.example.com/orders",
            "tlsConfig": {"insecureSkipVerification": True}}}},
    },
}))

# 10. REST methods: an EDGE API, a Cognito method without scopes, an anonymous OPTIONS proxied to a backend,
# a POST whose body nothing validates.
api = aws.apigateway.RestApi("rest", endpoint_configuration={"types": "EDGE"})
orders = aws.apigateway.Resource("orders", rest_api=api.id, parent_id=api.root_resource_id, path_part="orders")
users = aws.apigateway.Authorizer("users", rest_api=api.id, type="COGNITO_USER_POOLS",
                                  provider_arns=[f"arn:aws:cognito-idp:eu-west-1:{ACCOUNT}:userpool/eu-west-1_AbC123"])
aws.apigateway.Method("any-token", rest_api=api.id, resource_id=orders.id, http_method="GET",
                      authorization="COGNITO_USER_POOLS", authorizer_id=users.id)
aws.apigateway.Method("unvalidated-post", rest_api=api.id, resource_id=orders.id, http_method="POST",
                      authorization="AWS_IAM")
preflight = aws.apigateway.Method("open-options", rest_api=api.id, resource_id=orders.id, http_method="OPTIONS",
                                  authorization="NONE")
aws.apigateway.Integration("open-options", rest_api=api.id, resource_id=orders.id, http_method=preflight.http_method,
                           type="AWS_PROXY", integration_http_method="POST", uri=LAMBDA_URI)

# 9. WAF: a baseline rule overridden to count, and logs that keep cookies and API keys.
visibility = {"cloudwatch_metrics_enabled": True, "metric_name": "m", "sampled_requests_enabled": True}
acl = aws.wafv2.WebAcl("tuned", scope="REGIONAL", default_action={"allow": {}}, visibility_config=visibility, rules=[
    {"name": "rate", "priority": 0, "action": {"block": {}}, "visibility_config": visibility,
     "statement": {"rate_based_statement": {"limit": 1000, "aggregate_key_type": "IP"}}},
    *[{"name": group, "priority": index + 1, "override_action": {"none": {}}, "visibility_config": visibility,
       "statement": {"managed_rule_group_statement": {
           "name": group, "vendor_name": "AWS",
           "rule_action_overrides": [{"name": "SizeRestrictions_BODY", "action_to_use": {"count": {}}}]
           if group == "AWSManagedRulesCommonRuleSet" else None}}}
      for index, group in enumerate(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
                                     "AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesSQLiRuleSet"])],
])
aws.wafv2.WebAclLoggingConfiguration("tuned-logging", resource_arn=acl.arn,
                                     log_destination_configs=[f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:aws-waf-logs-tuned"],
                                     redacted_fields=[{"single_header": {"name": "authorization"}}])

# 11. An HTTP API (no WAF possible) with any-origin CORS and a plain-http origin; a yearly secret rotation.
http = aws.apigatewayv2.Api("http", protocol_type="HTTP", cors_configuration={
    "allow_origins": ["*"], "allow_methods": ["*"]})
aws.apigatewayv2.Api("http-origin", protocol_type="HTTP", cors_configuration={
    "allow_origins": ["http://app.example.com"], "allow_methods": ["GET"]})
aws.apigatewayv2.Stage("http-stage", api_id=http.id, name="$default", auto_deploy=True,
                       default_route_settings={"throttling_burst_limit": 100, "throttling_rate_limit": 50})
secret = aws.secretsmanager.Secret("yearly", kms_key_id=f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab")
aws.secretsmanager.SecretRotation("yearly-rotation", secret_id=secret.id,
                                  rotation_lambda_arn=f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:rotate",
                                  rotation_rules={"automatically_after_days": 365})
