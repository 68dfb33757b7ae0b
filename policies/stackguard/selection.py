"""Per-run rule selection (`--rule`, `--skip-rule`): which rules' findings a run reports."""
from __future__ import annotations

from .catalog import Rule
from .errors import InputError, not_a_rule
from .model import Report


def selected_rules(rules: tuple[Rule, ...], only: list[str], skip: list[str]) -> tuple[Rule, ...]:
    """The rules a run keeps; an id that is not in the catalog is an error naming the option."""
    known = {rule.id for rule in rules}
    for option, ids in (("--rule", only), ("--skip-rule", skip)):
        for rule_id in ids:
            if rule_id not in known:
                raise InputError(option, rule_id, not_a_rule(rule_id, known))
    return tuple(r for r in rules if (not only or r.id in only) and r.id not in skip)


def keep(report: Report, rules: tuple[Rule, ...]) -> Report:
    ids = {rule.id for rule in rules}
    notices = [n for n in report.notices or [] if n.rule is None or n.rule in ids]
    return report.with_findings([f for f in report.findings if f.rule in ids]).model_copy(update={"notices": notices or None})
