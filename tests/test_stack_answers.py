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
    return [f for answer in answers for f in answer] + engine.stack_findings(resources, {})


@pytest.mark.parametrize("count", [1, BATCH_SIZE, 2 * BATCH_SIZE + 201])
def test_two_lanes_answer_as_one_query_after_another(engine, count):
    resources = generated_inputs(count)
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
        engine.stack_answers(generated_inputs(10), {})  # one batch here, the stack query in the second lane
