"""Each rule's `concern` must match its subject, read from the words of its id.

SUBJECTS is ordered: the first phrase found in a rule id (as whole words, in order) decides
which concerns that rule may carry. Specific phrases come before general ones, so
"log-group-kms" is about encryption, "transit-encryption" about transport security and
"key-policy-public" about access control. A rule whose id names no known subject fails: add
its subject here, with the concern it belongs to, rather than leaving it unchecked.
"""
from __future__ import annotations

import pytest

from stackguard.catalog import load

LOGGING = {"logging"}
HTTPS = {"https"}
ENCRYPTION = {"encryption"}
IAM = {"iam"}
AUTH = {"auth"}
NETWORK = {"network"}

SUBJECTS: list[tuple[str, set[str]]] = [
    # Phrases that contain a more general one below: logs that are data at rest, a transit
    # gateway (routing, not transport), a password policy (sign-in, not IAM policy), backups.
    ("logs-encrypted", ENCRYPTION), ("transit-gateway", NETWORK), ("password-policy", AUTH),
    ("backup-retention", IAM),
    # Logs, traces and their retention.
    ("logging", LOGGING), ("logs", LOGGING), ("access-logs", LOGGING), ("xray", LOGGING),
    ("retention", LOGGING), ("trail", LOGGING), ("tracing", LOGGING), ("log-exports", LOGGING), ("metrics", LOGGING),
    ("insights", LOGGING), ("monitoring", LOGGING),
    # WAF protections guard API access (helper 13 relabels them from network to auth).
    ("web-acl", AUTH | NETWORK), ("waf", AUTH | NETWORK), ("rate-limit", AUTH | NETWORK),
    ("throttling", NETWORK | AUTH),
    # Transport security.
    ("tls", HTTPS), ("https", HTTPS), ("desync", HTTPS), ("invalid-headers", HTTPS), ("sni", HTTPS),
    ("acm-certificate", HTTPS), ("transit", HTTPS), ("ssl", HTTPS), ("default-endpoint", HTTPS),
    ("client-certificate", HTTPS | AUTH),
    # Who may call: authentication and authorization of API callers and users.
    ("authorization", AUTH), ("authentication", AUTH), ("auth", AUTH), ("mfa", AUTH), ("cognito", AUTH), ("jwt", AUTH), ("cors", AUTH),
    ("function-url", AUTH), ("secret-rotation", AUTH), ("credentials", AUTH),
    # Access control by IAM and resource policies.
    ("policy-public", IAM), ("acl-public", IAM), ("public-access-block", IAM), ("trust", IAM),
    ("managed", IAM), ("policy", IAM), ("permission", IAM), ("user", IAM),
    # Running with more power than needed.
    ("privileged", IAM), ("pid-mode", IAM), ("read-only-root", IAM), ("root-directory", IAM),
    # Who reaches a bucket's objects through a CDN, and what its root URL returns.
    ("origin-access-control", IAM), ("default-root-object", IAM),
    # Default administrator names are the first guesses at sign-in.
    ("admin-username", AUTH),
    # Data kept against loss: no concern names it; who may delete or overwrite it is access control.
    ("deletion-protection", IAM), ("final-snapshot", IAM), ("versioning", IAM), ("point-in-time-recovery", IAM),
    ("backups", IAM), ("backup", IAM), ("lifecycle", IAM), ("snapshots", IAM), ("backtracking", IAM), ("copy-tags", IAM),
    # Data at rest.
    ("kms", ENCRYPTION), ("cmk", ENCRYPTION), ("encryption", ENCRYPTION), ("encrypted", ENCRYPTION),
    ("sse", ENCRYPTION), ("secure-string", ENCRYPTION), ("key", ENCRYPTION),
    ("recovery-window", ENCRYPTION),
    # Network exposure.
    ("security-group", NETWORK), ("ingress", NETWORK), ("endpoint", NETWORK), ("public-ip", NETWORK),
    ("publicly-accessible", NETWORK | IAM), ("public", NETWORK | IAM),
    ("host-network", NETWORK), ("enis", NETWORK), ("subnet-group", NETWORK), ("vpc-routing", NETWORK),
    ("default-port", NETWORK),
    # Availability: staying up through a zone or node failure is filed under network.
    ("failover", NETWORK), ("autoscaling", NETWORK), ("network-acl", NETWORK), ("cross-zone", NETWORK), ("connection-draining", NETWORK),
    # Instance metadata (IMDSv2) guards the instance role's credentials.
    ("imds", NETWORK | AUTH | IAM), ("imdsv2", NETWORK | AUTH | IAM), ("metadata", NETWORK | AUTH | IAM),
    # Secrets handed to containers or functions in plain environment variables.
    ("secrets", ENCRYPTION | AUTH | IAM), ("environment", ENCRYPTION | AUTH | IAM),
    ("secret-version", ENCRYPTION | AUTH),
    # No concern names these exactly; the closest: image scanning feeds monitoring, immutable tags keep
    # who may replace an image an IAM matter, and an unpatched runtime is exposure on the network path.
    ("scan-on-push", LOGGING), ("tag-immutability", IAM), ("runtime", NETWORK), ("end-of-life", NETWORK),
    ("platform-version", NETWORK), ("version-upgrade", NETWORK),
    # Who may see a cached response, and what a method accepts, are questions of API access.
    ("cache-keys", AUTH), ("request-validation", AUTH), ("multi-az", NETWORK),
    # A value the gate could not read (unknown until deployment, or a secret) may decide any concern;
    # the headline cases are policy documents and trust, so they are filed under iam.
    ("unknown-value", IAM), ("secret-value", IAM),
]


def words(text: str) -> list[str]:
    return text.split("-")


def subject_of(rule_id: str) -> tuple[str, set[str]] | None:
    """The first SUBJECTS phrase whose words appear, consecutively, among the id's words."""
    tokens = words(rule_id.removeprefix("aws-"))
    for phrase, concerns in SUBJECTS:
        needle = words(phrase)
        if any(tokens[i:i + len(needle)] == needle for i in range(len(tokens) - len(needle) + 1)):
            return phrase, concerns
    return None


def test_subjects_decide_known_cases():
    assert subject_of("aws-cloudwatch-log-group-retention") == ("retention", LOGGING)
    assert subject_of("aws-cloudwatch-log-group-kms") == ("kms", ENCRYPTION)
    assert subject_of("aws-elasticache-replication-group-transit-encryption")[1] == HTTPS
    assert subject_of("aws-kms-key-policy-public")[1] == IAM
    assert subject_of("aws-wafv2-web-acl-logging")[1] == LOGGING
    assert subject_of("aws-wafv2-web-acl-managed-rules")[1] == AUTH | NETWORK
    assert subject_of("aws-ec2-vpc-endpoint-policy-public")[1] == IAM
    assert subject_of("aws-lb-listener-tls-policy")[1] == HTTPS
    assert subject_of("aws-unheard-of-thing") is None


def test_a_mislabelled_rule_is_caught():
    # The label issue 9 found: retention labelled as encryption.
    phrase, concerns = subject_of("aws-cloudwatch-log-group-retention")
    assert "encryption" not in concerns


@pytest.mark.parametrize("rule", load(), ids=lambda r: r.id)
def test_rule_concern_matches_its_subject(rule):
    found = subject_of(rule.id)
    assert found is not None, f"{rule.id}: its id names no subject in SUBJECTS; add one with the concern it belongs to"
    phrase, concerns = found
    assert rule.concern in concerns, f"{rule.id} is about {phrase!r}, so its concern must be one of {sorted(concerns)}, not {rule.concern!r}"
