"""The canaries drawn at random for each batch (#25.12): each is flagged by its rule with default
parameters, and a draw never picks a rule whose parameters the query sets."""
from __future__ import annotations

import pytest

from stackguard import canaries

pytestmark = pytest.mark.slow


def test_every_canary_is_flagged_for_its_rule_by_the_real_engine(engine, rules):
    every = canaries._all()
    resource_rules = {r.id for r in rules if r.kind == "resource"}
    assert len(every) >= 90 and {c.rule for c in every} <= resource_rules
    flagged = {(f.urn, f.rule) for f in engine.batch_findings([c.document for c in every], {})}
    assert [c.rule for c in every if (c.urn, c.rule) not in flagged] == []


def test_a_draw_is_a_fresh_urn_of_a_rule_left_at_its_defaults(rules):
    known = [r.id for r in rules]
    configured = {c.rule: {"x": 1} for c in canaries._all()[1:]}
    drawn = [canaries.draw(known, configured) for _ in range(3)]
    only = canaries._all()[0]
    assert [c.rule if c else None for c in drawn] == [only.rule] * 3
    assert len({c.urn for c in drawn if c}) == 3 and only.urn not in {c.urn for c in drawn if c}
    assert canaries.draw([], {}) is None
