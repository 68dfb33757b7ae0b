"""A stack's answers come in batches on two connections at once: the same findings, in query order,
as one query after another, and a failure in either lane blocks the whole answer."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from stackguard import engine as engine_module
from stackguard.engine import BATCH_SIZE, PolicyEngine
from stackguard.errors import EngineError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import stack_generator  # noqa: E402  (the benchmarks' generator: a realistic mix, one in ten groups insecure)

pytestmark = pytest.mark.slow


def documents(count: int) -> list[dict]:
    resources = stack_generator.export(count)["deployment"]["resources"]
    return [{"urn": r["urn"], "type": r["type"], "name": r["urn"].rsplit("::", 1)[-1], "properties": r.get("inputs", {}),
             "options": {}, "provider": None, "propertyDependencies": r.get("propertyDependencies", {})} for r in resources]


def one_after_another(engine: PolicyEngine, resources: list[dict]) -> list:
    answers = [engine.batch_findings(resources[i:i + BATCH_SIZE], {}) for i in range(0, len(resources), BATCH_SIZE)]
    return [f for answer in answers for f in answer] + engine.stack_findings(resources, {})


@pytest.mark.parametrize("count", [1, BATCH_SIZE, 2 * BATCH_SIZE + 201])
def test_two_lanes_answer_as_one_query_after_another(engine, count):
    resources = documents(count)
    answers = engine.stack_answers(resources, {})
    assert answers == one_after_another(engine, resources)
    if count > 1:
        assert {f.rule for f in answers} >= {"aws-kms-key-rotation", "aws-ec2-security-group-open-ingress"}


def test_a_failing_second_lane_blocks_the_answer(engine, monkeypatch):
    real = PolicyEngine.stack_findings

    def broken(self, resources, config):
        if self is not engine:  # the second lane's connection
            raise EngineError("the second lane failed")
        return real(self, resources, config)

    monkeypatch.setattr(engine_module.PolicyEngine, "stack_findings", broken)
    with pytest.raises(EngineError, match="second lane failed"):
        engine.stack_answers(documents(10), {})  # one batch here, the stack query in the second lane
