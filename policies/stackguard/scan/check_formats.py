"""A scan's findings as one `check` report, so that check's own renderers write SARIF, JUnit and Markdown
for a scan too (they read only that report).

Every readable stack's findings, in stack order (each finding's URN names its stack and project), with
the decision core's notices of every stack, and one error notice per stack that could not be read: a
scan that missed a stack never renders as clean in those formats either.
"""
from __future__ import annotations

import datetime as dt

from .. import report_metadata
from ..catalog import Rule
from ..model import Notice, Report, Summary
from ..project_config import ProjectConfig
from .runner import StackResult
from .sources import Unreadable


def findings_report(results: list[StackResult], unreadable: list[Unreadable], rules: tuple[Rule, ...], now: dt.datetime,
                    config: ProjectConfig) -> Report:
    findings = [f for r in results for f in r.report.findings]
    notices = [n for r in results for n in r.report.notices or []]
    notices += [Notice(kind="unreadable", level="error", file=u.origin, key="(state)", message=f"{u.stack} was not checked: {u.reason}")
                for u in unreadable]
    profiles = {r.profile.name: r.profile for r in results}
    stacks = ", ".join([*(r.scanned.key for r in results), *(u.stack for u in unreadable)])
    empty = Summary(resources=sum(len(r.scanned.stack.resources) for r in results), findings=0, mandatory=0, advisory=0, exempted=0)
    report = Report(stack=stacks, profile=", ".join(profiles), summary=empty, findings=findings, notices=notices or None)
    if len(profiles) != 1:
        # Several profiles judged the stacks: no single one names the run's levels; the coverage is the union's.
        evaluated = tuple(rule for rule in rules if any(p.effective_level(rule.id) != "disabled" for p in profiles.values()))
        return report.with_findings(findings).model_copy(update={"compliance": report_metadata.coverage(evaluated, findings)})
    return report_metadata.enrich(report, rules, next(iter(profiles.values())), now, config)
