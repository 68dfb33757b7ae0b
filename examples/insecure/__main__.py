"""Insecure on purpose: every opt-out below is named, and stackguard preflight reports each one.

    stackguard preflight --project examples/insecure --stack dev      # exits 1
"""
import json

import pulumi
import pulumi_aws as aws

from stackguard.components import EncryptionKey, RestApi, ServiceRole

KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/0b6a1f6e-2d5c-4a57-9d0e-1a2b3c4d5e6f"

# Component opt-outs: each is explicit, carries a reason, and still shows up in the report.
key = EncryptionKey("short-lived", {"deletion_window_in_days": 7})
api = RestApi("legacy-api", {
    "kms_key_arn": key.key_arn,
    "endpoint_type": "EDGE", "allow_edge_endpoint": {"reason": "partners worldwide, until the regional migration"},
    "routes": [{"path": "/status", "http_method": "GET", "authorization": "NONE",
                "integration": {"https_url": "http://legacy.internal.example.com/status"}}],
    "public_routes": [{"path": "/status", "http_method": "GET", "reason": "health checks from the old load balancer"}],
    "allow_plain_http_backend": {"reason": "legacy backend has no TLS until its migration"},
    "log_full_requests": {"reason": "debugging a partner integration this sprint"},
    "allow_without_waf": {"reason": "WAF budget not approved for this sandbox"},
})
ServiceRole("batch-admin", {
    "trusted_service": "lambda.amazonaws.com",
    "statements": [{"actions": ["s3:*"], "resources": ["*"], "allow_wildcard": {"reason": "batch job touches many buckets"}}],
})

# Raw resources with no component to set secure defaults.
aws.kms.Key("unrotated", description="no rotation")
aws.s3.Bucket("exports")
aws.sns.Topic("plain-alerts")
aws.cloudwatch.LogGroup("debug-logs")
aws.ec2.SecurityGroup("ssh-open", ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}])
admin = aws.iam.Role("ops", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}))
aws.iam.RolePolicyAttachment("ops-admin", role=admin.name, policy_arn="arn:aws:iam::aws:policy/AdministratorAccess")

pulumi.export("api_url", api.invoke_url)
