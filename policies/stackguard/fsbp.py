"""AWS Security Hub FSBP coverage: the controls of the services the catalog covers, and the rules
that decide each one (from the rules' own `# METADATA` `custom.compliance.fsbp`).

A control counts toward the figure only when a program can decide it: it judges the settings of a
resource the program declares (or of a resource beside it in the same stack). The others are listed
with the reason they cannot be decided there, never dropped silently:

- "account": an account-wide setting, or the existence of a resource anywhere in the account (a
  password policy, EBS encryption by default, an RDS event subscription). A program that declares
  the setting is judged by the rules shown, but one that leaves it out says nothing about the
  account, so the control is not counted.
- "runtime": state that exists only once resources run or age (a key's age, a stopped instance, a
  rotation that succeeded, a patch level).
- "external": a fact AWS holds outside the program (the AMI's virtualization type, whether a bucket
  named as an origin exists).
- "retired": the service the control evaluates no longer exists (AWS WAF Classic).

The list is transcribed from the controls reference of the Security Hub user guide (SOURCE); when a
rule cites a control that is not listed here, tests/test_fsbp_coverage.py fails.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from .catalog import Rule

SOURCE = "https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html"
FRAMEWORK = "fsbp"
PAGE = "fsbp-coverage.md"

OUTSIDE = {
    "account": "account-wide: a program that omits the setting says nothing about the account",
    "runtime": "runtime state: known only once the resources run",
    "external": "a fact AWS holds outside the program",
    "retired": "the service was discontinued",
}


@dataclass(frozen=True)
class Control:
    id: str
    title: str
    outside: str = ""  # a key of OUTSIDE when a program cannot decide the control, else ""

    @property
    def service(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def number(self) -> int:
        return int(self.id.split(".", 1)[1])


def _c(cid: str, title: str, outside: str = "") -> Control:
    return Control(cid, title, outside)


CONTROLS: tuple[Control, ...] = (
    _c("APIGateway.1", "REST and WebSocket API execution logging is enabled"),
    _c("APIGateway.2", "REST API stages use an SSL certificate for backend authentication"),
    _c("APIGateway.3", "REST API stages have X-Ray tracing enabled"),
    _c("APIGateway.4", "API Gateway is associated with a WAF web ACL"),
    _c("APIGateway.5", "REST API cache data is encrypted at rest"),
    _c("APIGateway.8", "API Gateway routes specify an authorization type"),
    _c("APIGateway.9", "Access logging is configured for API Gateway V2 stages"),
    _c("AppSync.2", "AppSync has field-level logging enabled"),
    _c("AppSync.5", "AppSync GraphQL APIs are not authenticated with API keys"),
    _c("CloudFront.1", "CloudFront distributions have a default root object"),
    _c("CloudFront.3", "CloudFront distributions require encryption in transit"),
    _c("CloudFront.4", "CloudFront distributions have origin failover"),
    _c("CloudFront.5", "CloudFront distributions have logging enabled"),
    _c("CloudFront.6", "CloudFront distributions have WAF enabled"),
    _c("CloudFront.7", "CloudFront distributions use custom SSL/TLS certificates"),
    _c("CloudFront.8", "CloudFront distributions use SNI to serve HTTPS requests"),
    _c("CloudFront.9", "CloudFront distributions encrypt traffic to custom origins"),
    _c("CloudFront.10", "CloudFront distributions do not use deprecated SSL protocols to custom origins"),
    _c("CloudFront.12", "CloudFront distributions do not point to non-existent S3 origins", "external"),
    _c("CloudFront.13", "CloudFront distributions use origin access control"),
    _c("CloudWatch.16", "CloudWatch log groups are retained for a specified time period"),
    _c("CodeBuild.1", "CodeBuild Bitbucket source repository URLs do not contain credentials"),
    _c("CodeBuild.2", "CodeBuild environment variables do not contain clear-text credentials"),
    _c("CodeBuild.3", "CodeBuild S3 logs are encrypted"),
    _c("CodeBuild.4", "CodeBuild environments have a logging configuration"),
    _c("CodeBuild.5", "CodeBuild environments do not have privileged mode enabled"),
    _c("CodeBuild.7", "CodeBuild report group exports are encrypted at rest"),
    _c("Cognito.1", "Cognito user pools have threat protection in full-function enforcement mode"),
    _c("Cognito.2", "Cognito identity pools do not allow unauthenticated identities"),
    _c("DataFirehose.1", "Firehose delivery streams are encrypted at rest"),
    _c("DynamoDB.1", "DynamoDB tables scale capacity automatically with demand"),
    _c("DynamoDB.2", "DynamoDB tables have point-in-time recovery enabled"),
    _c("DynamoDB.3", "DynamoDB Accelerator (DAX) clusters are encrypted at rest"),
    _c("DynamoDB.4", "DynamoDB tables are in a backup plan", "account"),
    _c("DynamoDB.6", "DynamoDB tables have deletion protection enabled"),
    _c("DynamoDB.7", "DynamoDB Accelerator clusters are encrypted in transit"),
    _c("EC2.1", "EBS snapshots are not publicly restorable"),
    _c("EC2.2", "VPC default security groups do not allow inbound or outbound traffic"),
    _c("EC2.3", "Attached EBS volumes are encrypted at rest"),
    _c("EC2.4", "Stopped EC2 instances are removed after a specified time period", "runtime"),
    _c("EC2.6", "VPC flow logging is enabled in all VPCs"),
    _c("EC2.7", "EBS default encryption is enabled", "account"),
    _c("EC2.8", "EC2 instances use Instance Metadata Service Version 2 (IMDSv2)"),
    _c("EC2.9", "EC2 instances do not have a public IPv4 address"),
    _c("EC2.10", "EC2 is configured to use VPC endpoints created for the EC2 service"),
    _c("EC2.15", "EC2 subnets do not automatically assign public IP addresses"),
    _c("EC2.16", "Unused network ACLs are removed", "account"),
    _c("EC2.17", "EC2 instances do not use multiple ENIs"),
    _c("EC2.18", "Security groups allow unrestricted incoming traffic only for authorized ports"),
    _c("EC2.19", "Security groups do not allow unrestricted access to high-risk ports"),
    _c("EC2.20", "Both VPN tunnels of a Site-to-Site VPN connection are up", "runtime"),
    _c("EC2.21", "Network ACLs do not allow ingress from 0.0.0.0/0 to port 22 or 3389"),
    _c("EC2.23", "Transit gateways do not automatically accept VPC attachment requests"),
    _c("EC2.24", "Paravirtual EC2 instance types are not used", "external"),
    _c("EC2.25", "EC2 launch templates do not assign public IPs to network interfaces"),
    _c("EC2.51", "Client VPN endpoints have client connection logging enabled"),
    _c("EC2.53", "Security groups do not allow ingress from 0.0.0.0/0 to remote administration ports"),
    _c("EC2.54", "Security groups do not allow ingress from ::/0 to remote administration ports"),
    _c("EC2.170", "EC2 launch templates use IMDSv2"),
    _c("EC2.171", "Site-to-Site VPN connections have logging enabled"),
    _c("ECR.1", "ECR private repositories have image scanning configured"),
    _c("ECR.2", "ECR private repositories have tag immutability configured"),
    _c("ECR.3", "ECR repositories have at least one lifecycle policy"),
    _c("ECS.1", "ECS task definitions have secure networking modes and user definitions"),
    _c("ECS.2", "ECS services do not have public IP addresses assigned automatically"),
    _c("ECS.3", "ECS task definitions do not share the host's process namespace"),
    _c("ECS.4", "ECS containers run as non-privileged"),
    _c("ECS.5", "ECS containers are limited to read-only access to root filesystems"),
    _c("ECS.8", "Secrets are not passed as container environment variables"),
    _c("ECS.9", "ECS task definitions have a logging configuration"),
    _c("ECS.10", "ECS Fargate services run on the latest Fargate platform version"),
    _c("ECS.12", "ECS clusters use Container Insights"),
    _c("ECS.16", "ECS task sets do not automatically assign public IP addresses"),
    _c("EFS.1", "Elastic File System is encrypted at rest using AWS KMS"),
    _c("EFS.2", "EFS volumes are in backup plans"),
    _c("EFS.3", "EFS access points enforce a root directory"),
    _c("EFS.4", "EFS access points enforce a user identity"),
    _c("EFS.6", "EFS mount targets are not associated with a public subnet"),
    _c("ElastiCache.1", "ElastiCache (Redis OSS) clusters have automatic backups enabled"),
    _c("ElastiCache.2", "ElastiCache clusters have automatic minor version upgrades enabled"),
    _c("ElastiCache.3", "ElastiCache replication groups have automatic failover enabled"),
    _c("ElastiCache.4", "ElastiCache replication groups are encrypted at rest"),
    _c("ElastiCache.5", "ElastiCache replication groups are encrypted in transit"),
    _c("ElastiCache.6", "ElastiCache (Redis OSS) replication groups of earlier versions have Redis OSS AUTH enabled"),
    _c("ElastiCache.7", "ElastiCache clusters do not use the default subnet group"),
    _c("ELB.1", "Application Load Balancers redirect all HTTP requests to HTTPS"),
    _c("ELB.2", "Classic Load Balancers with SSL/HTTPS listeners use a certificate from ACM"),
    _c("ELB.3", "Classic Load Balancer listeners are configured with HTTPS or TLS termination"),
    _c("ELB.4", "Application Load Balancers drop invalid HTTP headers"),
    _c("ELB.5", "Application and Classic Load Balancer logging is enabled"),
    _c("ELB.6", "Application, Gateway and Network Load Balancers have deletion protection enabled"),
    _c("ELB.7", "Classic Load Balancers have connection draining enabled"),
    _c("ELB.8", "Classic Load Balancers with SSL listeners use a predefined security policy with a strong configuration"),
    _c("ELB.9", "Classic Load Balancers have cross-zone load balancing enabled"),
    _c("ELB.10", "Classic Load Balancers span multiple Availability Zones"),
    _c("ELB.12", "Application Load Balancers are configured with defensive or strictest desync mitigation mode"),
    _c("ELB.13", "Application, Network and Gateway Load Balancers span multiple Availability Zones"),
    _c("ELB.14", "Classic Load Balancers are configured with defensive or strictest desync mitigation mode"),
    _c("ELB.16", "Application Load Balancers are associated with an AWS WAF web ACL"),
    _c("ELB.17", "Application and Network Load Balancers with listeners use recommended security policies"),
    _c("IAM.1", "IAM policies do not allow full \"*\" administrative privileges"),
    _c("IAM.2", "IAM users do not have IAM policies attached"),
    _c("IAM.3", "IAM users' access keys are rotated every 90 days or less", "runtime"),
    _c("IAM.4", "IAM root user access key does not exist", "account"),
    _c("IAM.5", "MFA is enabled for all IAM users that have a console password", "runtime"),
    _c("IAM.6", "Hardware MFA is enabled for the root user", "account"),
    _c("IAM.7", "Password policies for IAM users have strong configurations", "account"),
    _c("IAM.8", "Unused IAM user credentials are removed", "runtime"),
    _c("IAM.19", "MFA is enabled for all IAM users", "runtime"),
    _c("IAM.21", "IAM customer managed policies do not allow wildcard actions for services"),
    _c("Kinesis.1", "Kinesis streams are encrypted at rest"),
    _c("KMS.1", "IAM customer managed policies do not allow decryption actions on all KMS keys"),
    _c("KMS.2", "IAM principals do not have inline policies that allow decryption actions on all KMS keys"),
    _c("KMS.3", "AWS KMS keys are not deleted unintentionally", "runtime"),
    _c("KMS.4", "AWS KMS key rotation is enabled"),
    _c("KMS.5", "KMS keys are not publicly accessible"),
    _c("Lambda.1", "Lambda function policies prohibit public access"),
    _c("Lambda.2", "Lambda functions use supported runtimes"),
    _c("Lambda.5", "VPC Lambda functions operate in multiple Availability Zones"),
    _c("Lambda.7", "Lambda functions have AWS X-Ray active tracing enabled"),
    _c("MSK.1", "MSK clusters are encrypted in transit among broker nodes"),
    _c("MSK.2", "MSK clusters have enhanced monitoring configured"),
    _c("MSK.3", "MSK Connect connectors are encrypted in transit"),
    _c("MSK.4", "MSK clusters have public access disabled"),
    _c("MSK.5", "MSK connectors have logging enabled"),
    _c("MSK.6", "MSK clusters disable unauthenticated access"),
    _c("RDS.1", "RDS snapshots are private"),
    _c("RDS.2", "RDS DB instances prohibit public access"),
    _c("RDS.3", "RDS DB instances have encryption at rest enabled"),
    _c("RDS.4", "RDS cluster snapshots and database snapshots are encrypted at rest"),
    _c("RDS.5", "RDS DB instances are configured with multiple Availability Zones"),
    _c("RDS.6", "Enhanced monitoring is configured for RDS DB instances"),
    _c("RDS.7", "RDS clusters have deletion protection enabled"),
    _c("RDS.8", "RDS DB instances have deletion protection enabled"),
    _c("RDS.9", "RDS DB instances publish logs to CloudWatch Logs"),
    _c("RDS.10", "IAM authentication is configured for RDS instances"),
    _c("RDS.11", "RDS instances have automatic backups enabled"),
    _c("RDS.12", "IAM authentication is configured for RDS clusters"),
    _c("RDS.13", "RDS automatic minor version upgrades are enabled"),
    _c("RDS.14", "Aurora MySQL clusters have backtracking enabled"),
    _c("RDS.15", "RDS DB clusters are configured for multiple Availability Zones"),
    _c("RDS.16", "RDS DB clusters copy tags to snapshots"),
    _c("RDS.17", "RDS DB instances copy tags to snapshots"),
    _c("RDS.19", "Existing RDS event notification subscriptions are configured for critical cluster events", "account"),
    _c("RDS.20", "Existing RDS event notification subscriptions are configured for critical database instance events", "account"),
    _c("RDS.21", "An RDS event notification subscription is configured for critical parameter group events", "account"),
    _c("RDS.22", "An RDS event notification subscription is configured for critical security group events", "account"),
    _c("RDS.23", "RDS instances do not use a database engine default port"),
    _c("RDS.24", "RDS database clusters use a custom administrator username"),
    _c("RDS.25", "RDS database instances use a custom administrator username"),
    _c("RDS.27", "RDS DB clusters are encrypted at rest"),
    _c("RDS.34", "Aurora MySQL DB clusters publish audit logs to CloudWatch Logs"),
    _c("RDS.35", "RDS DB clusters have automatic minor version upgrade enabled"),
    _c("RDS.36", "RDS for PostgreSQL DB instances publish logs to CloudWatch Logs"),
    _c("RDS.37", "Aurora PostgreSQL DB clusters publish logs to CloudWatch Logs"),
    _c("RDS.40", "RDS for SQL Server DB instances publish logs to CloudWatch Logs"),
    _c("Redshift.1", "Redshift clusters prohibit public access"),
    _c("Redshift.2", "Connections to Redshift clusters are encrypted in transit"),
    _c("Redshift.3", "Redshift clusters have automatic snapshots enabled"),
    _c("Redshift.4", "Redshift clusters have audit logging enabled"),
    _c("Redshift.6", "Redshift has automatic upgrades to major versions enabled"),
    _c("Redshift.7", "Redshift clusters use enhanced VPC routing"),
    _c("Redshift.8", "Redshift clusters do not use the default admin username"),
    _c("Redshift.10", "Redshift clusters are encrypted at rest"),
    _c("S3.1", "S3 general purpose buckets have block public access settings enabled (account)", "account"),
    _c("S3.2", "S3 general purpose buckets block public read access"),
    _c("S3.3", "S3 general purpose buckets block public write access"),
    _c("S3.5", "S3 general purpose buckets require requests to use SSL"),
    _c("S3.6", "S3 general purpose bucket policies restrict access to other AWS accounts"),
    _c("S3.8", "S3 general purpose buckets block public access"),
    _c("S3.9", "S3 general purpose buckets have server access logging enabled"),
    _c("S3.12", "ACLs are not used to manage user access to S3 general purpose buckets"),
    _c("S3.13", "S3 general purpose buckets have lifecycle configurations"),
    _c("S3.14", "S3 general purpose buckets have versioning enabled"),
    _c("S3.17", "S3 general purpose buckets are encrypted at rest with AWS KMS keys"),
    _c("S3.19", "S3 access points have block public access settings enabled"),
    _c("S3.24", "S3 Multi-Region Access Points have block public access settings enabled"),
    _c("SecretsManager.1", "Secrets Manager secrets have automatic rotation enabled"),
    _c("SecretsManager.2", "Secrets Manager secrets configured with automatic rotation rotate successfully", "runtime"),
    _c("SecretsManager.3", "Unused Secrets Manager secrets are removed", "runtime"),
    _c("SecretsManager.4", "Secrets Manager secrets are rotated within a specified number of days"),
    _c("SNS.1", "SNS topics are encrypted at rest using AWS KMS"),
    _c("SNS.4", "SNS topic access policies do not allow public access"),
    _c("SQS.1", "SQS queues are encrypted at rest"),
    _c("SQS.3", "SQS queue access policies do not allow public access"),
    _c("SSM.1", "EC2 instances are managed by AWS Systems Manager", "runtime"),
    _c("SSM.2", "EC2 instances managed by Systems Manager have a patch compliance status of COMPLIANT", "runtime"),
    _c("SSM.3", "EC2 instances managed by Systems Manager have an association compliance status of COMPLIANT", "runtime"),
    _c("SSM.4", "SSM documents are not public"),
    _c("SSM.7", "SSM documents have the block public sharing setting enabled", "account"),
    _c("StepFunctions.1", "Step Functions state machines have logging turned on"),
    _c("WAF.1", "AWS WAF Classic global web ACL logging is enabled", "retired"),
    _c("WAF.2", "AWS WAF Classic regional rules have at least one condition", "retired"),
    _c("WAF.3", "AWS WAF Classic regional rule groups have at least one rule", "retired"),
    _c("WAF.4", "AWS WAF Classic regional web ACLs have at least one rule or rule group", "retired"),
    _c("WAF.6", "AWS WAF Classic global rules have at least one condition", "retired"),
    _c("WAF.7", "AWS WAF Classic global rule groups have at least one rule", "retired"),
    _c("WAF.8", "AWS WAF Classic global web ACLs have at least one rule or rule group", "retired"),
    _c("WAF.10", "AWS WAF web ACLs have at least one rule or rule group"),
    _c("WAF.11", "AWS WAF web ACL logging is enabled"),
    _c("WAF.12", "AWS WAF rules have CloudWatch metrics enabled"),
)

# The FSBP control prefixes of each rule folder (policies/rego/aws/<service>): the services the
# catalog covers, whose controls must all be listed above.
SERVICE_CONTROLS: dict[str, tuple[str, ...]] = {
    "apigateway": ("APIGateway",), "apigatewayv2": ("APIGateway",), "appsync": ("AppSync",),
    "cloudfront": ("CloudFront",), "cloudwatch": ("CloudWatch",), "codebuild": ("CodeBuild",),
    "cognito": ("Cognito",), "dax": ("DynamoDB",), "dynamodb": ("DynamoDB",), "ebs": ("EC2",), "ec2": ("EC2",),
    "ecr": ("ECR",), "ecs": ("ECS",), "efs": ("EFS",), "elasticache": ("ElastiCache",), "elb": ("ELB",),
    "iam": ("IAM",), "kinesis": ("Kinesis", "DataFirehose"), "kms": ("KMS",), "lambda": ("Lambda",),
    "lb": ("ELB",), "msk": ("MSK",), "mskconnect": ("MSK",), "rds": ("RDS",), "redshift": ("Redshift",),
    "s3": ("S3",), "s3control": ("S3",), "secretsmanager": ("SecretsManager",), "sfn": ("StepFunctions",),
    "sns": ("SNS",), "sqs": ("SQS",), "ssm": ("SSM",), "wafv2": ("WAF",),
    "pulumi": (),  # judges Pulumi's own values (unknown, secret), no AWS service
}


def deciding_rules(rules: Iterable[Rule]) -> dict[str, list[str]]:
    """Control id -> the ids of the rules that cite it, sorted."""
    found: dict[str, list[str]] = defaultdict(list)
    for rule in rules:
        for control in rule.compliance.get(FRAMEWORK, []):
            found[control].append(rule.id)
    return {control: sorted(ids) for control, ids in found.items()}


@dataclass(frozen=True)
class Coverage:
    decidable: tuple[Control, ...]
    decided: tuple[Control, ...]

    @property
    def percent(self) -> float:
        return round(100 * len(self.decided) / len(self.decidable), 1)


def coverage(rules: Iterable[Rule]) -> Coverage:
    """The controls a program can decide, and those some rule decides."""
    cited = deciding_rules(rules)
    decidable = tuple(c for c in CONTROLS if not c.outside)
    return Coverage(decidable, tuple(c for c in decidable if c.id in cited))


def _rule_links(rule_ids: list[str]) -> str:
    return ", ".join(f"[`{r}`]({r}.md)" for r in rule_ids)


def page(rules: tuple[Rule, ...]) -> str:
    """The coverage page of docs/rules, generated from the rules' metadata and CONTROLS."""
    cited = deciding_rules(rules)
    figures = coverage(rules)
    lines = [
        "# AWS Security Hub FSBP coverage", "",
        "Generated from the rules' `# METADATA` (`custom.compliance.fsbp`) by "
        "`stackguard explain --all --output-dir docs/rules`; do not edit by hand.", "",
        f"The controls of the AWS Foundational Security Best Practices standard ({SOURCE}) for the services "
        "these rules cover. A control counts when a program can decide it: it judges the settings of a "
        "resource the program declares, or of a resource beside it in the same stack.", "",
        f"**{len(figures.decided)} of the {len(figures.decidable)} controls a program can decide have a rule "
        f"({figures.percent}%).** {len(CONTROLS) - len(figures.decidable)} more are listed below with the reason "
        "a program cannot decide them; they are not counted.", "",
        "## Controls a program can decide", "",
        "| control | what it asks | decided by |", "|---|---|---|",
    ]
    for control in figures.decidable:
        deciders = _rule_links(cited[control.id]) if control.id in cited else "**no rule yet**"
        lines.append(f"| {control.id} | {control.title} | {deciders} |")
    lines += ["", "## Controls a program cannot decide", "",
              "| control | what it asks | why not | rules that judge what a program declares |", "|---|---|---|---|"]
    for control in CONTROLS:
        if control.outside:
            related = _rule_links(cited[control.id]) if control.id in cited else "—"
            lines.append(f"| {control.id} | {control.title} | {OUTSIDE[control.outside]} | {related} |")
    return "\n".join(lines) + "\n"
