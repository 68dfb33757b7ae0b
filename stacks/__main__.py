"""A secure API integration: a REST API fronting a Lambda that calls a partner API over HTTPS.

Composed only from stackguard's components; every environment differs only through its
stacks/Pulumi.<env>.yaml, validated by stack_settings before any resource is created.
"""
from pathlib import Path

import pulumi

import stack_settings
from stackguard.components import (
    ApiGatewayAccount,
    EncryptionKey,
    EncryptionKeyArgs,
    PrivateEndpoints,
    PrivateEndpointsArgs,
    RestApi,
    RestApiArgs,
    SecretStore,
    SecretStoreArgs,
    SecureFunction,
    SecureFunctionArgs,
    execution_role_statements,
    SecurityMonitoring,
    SecurityMonitoringArgs,
    ServiceRole,
    ServiceRoleArgs,
    UserDirectory,
    UserDirectoryArgs,
    WebAcl,
    WebAclArgs,
)

settings, aws_settings = stack_settings.load()
env = settings.environment
account = aws_settings.allowed_account_ids[0]
region = aws_settings.region
functions = Path(__file__).parent / "functions"
tags = {"project": pulumi.get_project(), "environment": env, "guarded-by": "stackguard"}

# Three keys: one for data (the partner secret, function environments), one for telemetry (logs, and the
# queue of alerts the topic could not take), and one only the alert topic uses, so that disabling a data or
# log key is still reported. Lambda encrypts environments through a grant made with the deployer's
# permissions, so neither key names lambda.amazonaws.com.
data_key = EncryptionKey("data", EncryptionKeyArgs(
    alias=f"alias/partner-api-{env}-data", description="Partner API credentials and function configuration",
    deletion_window_in_days=settings.key_deletion_window_days, administrators=settings.key_administrators,
    service_principals=["secretsmanager.amazonaws.com"],
    account_id=account, region=region, tags=tags))
telemetry_key = EncryptionKey("telemetry", EncryptionKeyArgs(
    alias=f"alias/partner-api-{env}-telemetry", description="API, WAF and function logs; undelivered security alerts",
    deletion_window_in_days=settings.key_deletion_window_days, administrators=settings.key_administrators,
    service_principals=[f"logs.{region}.amazonaws.com", "events.amazonaws.com"],
    account_id=account, region=region, tags=tags))
alerts_key = EncryptionKey("alerts", EncryptionKeyArgs(
    alias=f"alias/partner-api-{env}-alerts", description="Security alert topic only",
    deletion_window_in_days=settings.key_deletion_window_days, administrators=settings.key_administrators,
    service_principals=["cloudwatch.amazonaws.com", "events.amazonaws.com"],
    account_id=account, region=region, tags=tags))

# API Gateway's CloudWatch role, which a REST stage with logging needs (one per account and region; each
# environment here has its own account).
ApiGatewayAccount("apigateway", {"tags": tags})

# The functions run in private subnets: AWS APIs through these endpoints (X-Ray included), the
# partner over the VPC's NAT, which the network team's VPC provides. The execute-api endpoint exists
# only where the API is PRIVATE; its private DNS lets the VPC's callers use the API's own hostname
# (and sends every *.execute-api name of the region to the endpoint, which this VPC accepts).
private_api = settings.endpoint_type == "PRIVATE"
endpoints = PrivateEndpoints("private", PrivateEndpointsArgs(
    vpc_id=settings.vpc_id, vpc_cidr=settings.vpc_cidr, subnet_ids=settings.private_subnet_ids,
    interface_services=(["execute-api"] if private_api else []) + ["secretsmanager", "kms", "logs", "sts", "xray"],
    execute_api_private_dns=private_api,
    route_table_ids=settings.route_table_ids, region=region, tags=tags))

# The rotator and the proxy each get a role that can do exactly their job. The secret's name is
# fixed, so the rotator's policy can name it before the secret (which needs the rotator) exists.
secret_name = f"partner-api/{env}/api-key"
secret_arn_pattern = f"arn:aws:secretsmanager:{region}:{account}:secret:{secret_name}-??????"
# Both functions call the partner's public API, whose addresses are not published: HTTPS to any address,
# through the VPC's NAT (AWS APIs stay on the endpoints above).
partner_egress = {"reason": "the partner API is on the internet at unpublished addresses; HTTPS only, via NAT",
                  "owner": "platform-team"}
rotator_role = ServiceRole("partner-key-rotator", ServiceRoleArgs(
    trusted_service="lambda.amazonaws.com", account_id=account, tags=tags,
    description="Rotates the partner API key",
    statements=[
        *execution_role_statements("partner-key-rotator", region=region, account_id=account, in_vpc=True),
        {"sid": "RotatePartnerSecret", "resources": [secret_arn_pattern],
         "actions": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue",
                     "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"]},
        {"sid": "UseDataKey", "actions": ["kms:Decrypt", "kms:GenerateDataKey"], "resources": [data_key.key_arn]},
    ]))
rotator = SecureFunction("partner-key-rotator", SecureFunctionArgs(
    role_arn=rotator_role.role_arn, kms_key_arn=data_key.key_arn, log_kms_key_arn=telemetry_key.key_arn,
    code_path=functions / "partner_key_rotator",
    environment={"PARTNER_URL": settings.partner_url}, subnet_ids=settings.private_subnet_ids, vpc_id=settings.vpc_id,
    egress_cidrs=["0.0.0.0/0"], allow_internet_egress=partner_egress,
    reserved_concurrency=1, log_retention_in_days=settings.log_retention_days, tags=tags))

# The proxy's role exists before the secret, which names it as its only reader (the secret's policy denies
# every other principal but the rotator and the break-glass roles).
proxy_role = ServiceRole("partner-proxy", ServiceRoleArgs(
    trusted_service="lambda.amazonaws.com", account_id=account, tags=tags,
    description="Calls the partner API with its credential",
    statements=[
        *execution_role_statements("partner-proxy", region=region, account_id=account, in_vpc=True),
        {"sid": "ReadPartnerSecret", "actions": ["secretsmanager:GetSecretValue"], "resources": [secret_arn_pattern]},
    ]))
# Without an initial value (staging, prod) the first credential is written out of band
# (aws secretsmanager put-secret-value); rotation then starts at its first scheduled window.
partner_secret = SecretStore("partner-api-key", SecretStoreArgs(
    kms_key_arn=data_key.key_arn, secret_name=secret_name, description=f"Partner API credential ({env})",
    initial_value=pulumi.Output.secret(settings.partner_api_key.get_secret_value()) if settings.partner_api_key else None,
    reader_role_arns=[proxy_role.role_arn], break_glass_role_arns=settings.secret_break_glass_role_arns,
    rotation={"rotation_lambda_arn": rotator.function_arn, "rotation_role_arn": rotator_role.role_arn}, tags=tags))
proxy = SecureFunction("partner-proxy", SecureFunctionArgs(
    role_arn=proxy_role.role_arn, kms_key_arn=data_key.key_arn, log_kms_key_arn=telemetry_key.key_arn,
    code_path=functions / "partner_proxy",
    environment={"SECRET_ARN": partner_secret.secret_arn, "PARTNER_URL": settings.partner_url},
    subnet_ids=settings.private_subnet_ids, vpc_id=settings.vpc_id, reserved_concurrency=50,
    egress_cidrs=["0.0.0.0/0"], allow_internet_egress=partner_egress,
    log_retention_in_days=settings.log_retention_days, tags=tags))

callers = UserDirectory("callers", UserDirectoryArgs(
    resource_server={"identifier": f"https://partner-api.{env}.internal", "name": "Partner API",
                     "scopes": [{"name": "quotes.read", "description": "Read partner quotes"}]},
    client={"oauth_flow": "client_credentials"},
    # The client_credentials flow gets its tokens from this domain's /oauth2/token endpoint.
    domain={"prefix": f"partner-quotes-{env}-{account}"},
    allow_deletion=None if settings.deletion_protection else {
        "reason": f"{env} user pool holds only test clients and is recreated with the stack", "owner": "platform-team"},
    tags=tags))

waf = WebAcl("edge-shield", WebAclArgs(
    kms_key_arn=telemetry_key.key_arn, rate_limit={"limit": settings.waf_rate_limit},
    logging={"retention_in_days": settings.log_retention_days}, tags=tags))

api = RestApi("partner-api", RestApiArgs(
    kms_key_arn=telemetry_key.key_arn, description=f"Partner quotes API ({env})",
    endpoint_type=settings.endpoint_type,
    vpc_endpoint_ids=[endpoints.execute_api_endpoint_id] if private_api else [],
    authorizers=[{"name": "callers", "type": "COGNITO_USER_POOLS", "provider_arns": [callers.user_pool_arn]}],
    routes=[{"path": "/quotes", "http_method": "GET", "integration": {"lambda_arn": proxy.function_arn},
             "authorization": "COGNITO_USER_POOLS", "authorizer": "callers",
             "authorization_scopes": [f"https://partner-api.{env}.internal/quotes.read"]}],
    throttling={"burst_limit": settings.throttling.burst_limit, "rate_limit": settings.throttling.rate_limit},
    access_logs={"retention_in_days": settings.log_retention_days},
    custom_domain=settings.custom_domain.model_dump() if settings.custom_domain else None,
    web_acl_arn=waf.web_acl_arn, tags=tags))

subscriptions = ([{"protocol": "email", "endpoint": settings.alarm_email}] if settings.alarm_email else []) + (
    [{"protocol": "https", "endpoint": settings.alarm_webhook}] if settings.alarm_webhook else [])
monitoring = SecurityMonitoring("security", SecurityMonitoringArgs(
    kms_key_arn=alerts_key.key_arn, dead_letter_kms_key_arn=telemetry_key.key_arn, api=api, web_acl_name=waf.web_acl_name,
    function_names=[proxy.function_name, rotator.function_name],
    subscriptions=subscriptions, account_id=account, region=region, tags=tags))

pulumi.export("api_url", api.invoke_url)
if settings.custom_domain:
    # The alias record callers need for the custom domain (the execute-api endpoint is disabled).
    pulumi.export("api_domain_target", {"name": api.domain_target_name, "hosted_zone_id": api.domain_hosted_zone_id})
pulumi.export("data_key_arn", data_key.key_arn)
pulumi.export("telemetry_key_arn", telemetry_key.key_arn)
pulumi.export("partner_secret_arn", partner_secret.secret_arn)
pulumi.export("web_acl_arn", waf.web_acl_arn)
pulumi.export("alert_topic_arn", monitoring.topic_arn)
