"""Preview receipts (the pack's answer to `pulumi up --skip-preview`): a passing preview vouches for the
resources it judged, under the same profile and rules, for a limited time; a failing one for none."""
from __future__ import annotations

import time

import pytest
from pulumi.runtime import proto

from stackguard import preview_receipts
from stackguard.preview_receipts import StackIdentity
from tests.pack_driver import PackProcess
from tests.stack_exports import resource
from tests.test_pack_grpc import as_resource, configure, key

PROD = StackIdentity("acme", "payments", "prod")


@pytest.fixture(autouse=True)
def pulumi_home(tmp_path, monkeypatch):
    monkeypatch.setenv("PULUMI_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_a_passing_preview_vouches_for_its_resources_under_the_same_context_only():
    preview_receipts.write(PROD, "ctx-1", ["urn:a", "urn:b"])
    assert preview_receipts.vouched(PROD, "ctx-1") == {"urn:a", "urn:b"}
    assert preview_receipts.vouched(PROD, "ctx-2") == frozenset()
    assert preview_receipts.vouched(StackIdentity("acme", "payments", "dev"), "ctx-1") == frozenset()


def test_a_failed_preview_withdraws_what_an_earlier_one_vouched_for():
    preview_receipts.write(PROD, "ctx", ["urn:a"])
    preview_receipts.forget(PROD)
    assert preview_receipts.vouched(PROD, "ctx") == frozenset()


def test_an_old_or_unreadable_receipt_vouches_for_nothing(monkeypatch, pulumi_home):
    preview_receipts.write(PROD, "ctx", ["urn:a"])
    later = time.time() + preview_receipts.VALID_SECONDS + 1
    monkeypatch.setattr(preview_receipts.time, "time", lambda: later)
    assert preview_receipts.vouched(PROD, "ctx") == frozenset()
    monkeypatch.undo()
    [receipt] = (pulumi_home / "stackguard" / "previews").glob("*.json")
    receipt.write_text("{not json")
    assert preview_receipts.vouched(PROD, "ctx") == frozenset()


@pytest.mark.slow
def test_the_pack_refuses_in_an_update_what_no_preview_judged_and_passes_what_one_did(rules, pulumi_home):
    good_key = key(True)
    bucket = as_resource(resource("aws:s3/bucketV2:BucketV2", "uploads", {"bucket": "uploads"}))
    with PackProcess(env={"PULUMI_HOME": str(pulumi_home)}) as pack:
        configure(pack, rules, {"all": "mandatory"})
        stack = proto.AnalyzerStackConfigureRequest(organization="acme", project="payments", stack="prod", dry_run=False)
        pack.stub.ConfigureStack(stack, timeout=30)
        refused = pack.analyze(good_key)
        assert refused and all(d.enforcementLevel == proto.MANDATORY for d in refused)
        assert "pulumi preview" in refused[0].message

        # A preview whose stack-level policies fail vouches for nothing (the bucket has no TLS policy) ...
        stack.dry_run = True
        pack.stub.ConfigureStack(stack, timeout=30)
        assert pack.analyze_stack([good_key, bucket])
    with PackProcess(env={"PULUMI_HOME": str(pulumi_home)}) as pack:
        configure(pack, rules, {"all": "mandatory"})
        pack.stub.ConfigureStack(proto.AnalyzerStackConfigureRequest(
            organization="acme", project="payments", stack="prod", dry_run=True), timeout=30)
        assert pack.analyze_stack([good_key]) == []  # ... a passing one vouches for what it judged
    with PackProcess(env={"PULUMI_HOME": str(pulumi_home)}) as pack:
        configure(pack, rules, {"all": "mandatory"})
        pack.stub.ConfigureStack(proto.AnalyzerStackConfigureRequest(
            organization="acme", project="payments", stack="prod", dry_run=False), timeout=30)
        assert pack.analyze(good_key) == []
        assert pack.analyze(bucket), "a resource the preview did not judge is refused"
        configure(pack, rules, {"all": "mandatory", "aws-kms-key-rotation": "advisory"})
        assert pack.analyze(good_key), "a preview under another profile vouches for nothing"
