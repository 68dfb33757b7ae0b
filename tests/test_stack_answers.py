"""A stack's answers come in batches on two connections at once: the same findings, in query order,
as one query after another, and a failure in either lane blocks the whole answer."""
from __future__ import annotations

import pytest

from stackguard import engine as engine_module
from stackguard.engine import BATCH_SIZE, PolicyEngine
from stackguard.errors import EngineError
from tests.stack_exports import generated_inputs

pytestmark = pytest.mark.slow


def one_after_another(engine: PolicyEngine, resources: list[dict]) -> list:
    answers = [engine.batch_findings(resources[i:i + BATCH_SIZE], {}) for i in range(0, len(resources), BATCH_SIZE)]
    return engine.stack_findings(resources, {}) + [f for answer in answers for f in answer]


@pytest.mark.parametrize("count", [1, BATCH_SIZE, 2 * BATCH_SIZE + 201])
def test_two_lanes_answer_as_one_query_after_another(engine, count):
    resources = generated_inputs(count)
    answers = engine.stack_answers(resources, {})
    assert answers == one_after_another(engine, resources)
    if count > 1:
        assert {f.rule for f in answers} >= {"aws-kms-key-rotation", "aws-ec2-security-group-open-ingress"}


@pytest.mark.parametrize("failing", ["first", "second"])
def test_a_failing_lane_blocks_the_answer(engine, monkeypatch, failing):
    def broken(real):
        def query(self, resources, config):
            if (self is engine) == (failing == "first"):
                raise EngineError(f"the {failing} lane failed")
            return real(self, resources, config)
        return query

    for name in ("stack_findings", "batch_findings"):
        monkeypatch.setattr(engine_module.PolicyEngine, name, broken(getattr(PolicyEngine, name)))
    with pytest.raises(EngineError, match=f"{failing} lane failed"):
        engine.stack_answers(generated_inputs(3 * BATCH_SIZE), {})  # four queries: each lane takes one at least


def test_the_stack_query_carries_only_the_types_the_stack_rules_read(engine, monkeypatch):
    sent: list[dict] = []
    real = PolicyEngine._call

    def spy(self, method, path, body=None, budget=None):
        if path.endswith("/stack_deny"):
            sent.append(body["input"])
        return real(self, method, path, body, budget)

    monkeypatch.setattr(engine_module.PolicyEngine, "_call", spy)
    resources = generated_inputs(200)
    findings = engine.stack_findings(resources, {})
    carried = {r["type"] for r in sent[0]["resources"]}
    assert carried and carried < {r["type"] for r in resources}
    assert "aws:kms/key:Key" not in carried and "aws:s3/bucketV2:BucketV2" in carried
    assert {f.rule for f in findings} >= {"aws-s3-bucket-tls-only"}
