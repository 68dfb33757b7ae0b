"""What the built-in prod profile blocks, for configurations AWS documents as sound (issue #23, items 5
and 6): a rule that is stricter than any AWS control is a visible profile setting, reported but not
blocking, and a rule never calls a secure configuration insecure. The fixtures are detection cases
built from AWS documentation (their "origin")."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
CASES = Path(__file__).parent / "detection" / "cases"
STACKGUARD = str(Path(sys.executable).with_name("stackguard"))

# (case, rule, the levels prod may report it at: () means never reported)
EXPECTED = [
    # HTTP and WebSocket API stages cannot take AWS WAF: reported, never blocking.
    ("apigatewayv2/stage_web_acl/insecure-http-stage.json", "aws-apigatewayv2-stage-web-acl", ("advisory",)),
    # SQS encrypts a new queue with SSE-SQS by default.
    ("sqs/queue_encryption/secure-no-settings.json", "aws-sqs-queue-encryption", ()),
    # AWS's cross-account tutorial conditions the trust on MFA.
    ("iam/role_trust_cross_account/secure-mfa-required.json", "aws-iam-role-trust-cross-account", ()),
    # TLSv1.2_2018 and TLSv1.2_2019 are TLS 1.2 minimums.
    ("cloudfront/distribution_tls_version/secure-tls12-2018.json", "aws-cloudfront-distribution-tls-version", ()),
    ("cloudfront/distribution_tls_version/secure-tls12-2019.json", "aws-cloudfront-distribution-tls-version", ()),
    # Stricter than any control (AWS allows 7 to 30 days; EDGE is AWS's default endpoint type).
    ("kms/key_deletion_window/insecure-ten-days.json", "aws-kms-key-deletion-window", ("advisory",)),
    ("apigateway/rest_api_endpoint_type/insecure-edge.json", "aws-apigateway-rest-api-endpoint-type", ("advisory",)),
    # Noise: AWS's default all-egress rule, its default endpoint policy, an account id in a function's environment.
    ("ec2/security_group_open_egress/insecure-all-traffic-out.json", "aws-ec2-security-group-open-egress", ("advisory",)),
    ("ec2/vpc_endpoint_policy_public/secure-default-full-access.json", "aws-ec2-vpc-endpoint-policy-public", ()),
    ("lambda/function_env_kms/secure-configuration-only.json", "aws-lambda-function-env-kms", ()),
]


@pytest.fixture(scope="module")
def report() -> dict:
    files = [str(CASES / case) for case, _rule, _levels in EXPECTED]
    done = subprocess.run([STACKGUARD, "check", *files, "--profile", "prod", "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize(("case", "rule", "levels"), EXPECTED, ids=[c for c, _r, _l in EXPECTED])
def test_prod_does_not_block_what_aws_documents_as_sound(report, case, rule, levels):
    urns = {r["urn"] for r in json.loads((CASES / case).read_text())["deployment"]["resources"]}
    reported = {f["enforcement"] for f in report["findings"] if f["rule"] == rule and f["urn"] in urns}
    assert reported == set(levels), f"{rule} on {case}: {sorted(reported)}"
