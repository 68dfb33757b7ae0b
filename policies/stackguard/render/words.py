"""The sentences every format shares: counts with correct plurals, the summary and the verdict."""
from __future__ import annotations

from ..model import Finding, Notice, Report


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}es" if noun.endswith("s") else f"{count} {noun}s"


def counts(report: Report) -> str:
    s = report.summary
    parts = [f"{s.mandatory} mandatory", f"{s.advisory} advisory", f"{s.exempted} exempted"]
    if s.acknowledged:
        parts.append(f"{s.acknowledged} acknowledged")
    if report.baseline is not None:
        parts += [f"{s.baselined} baselined", f"{len(report.baseline.fixed)} fixed"]
    return f"{plural(s.resources, 'resource')}, {plural(s.findings, 'finding')} ({', '.join(parts)})"


def acknowledgement(f: Finding) -> str:
    """An acknowledged opt-out in one line: why, who, and what the profile said."""
    ack = f.acknowledged or {}
    who = f", owner {ack['owner']}" if ack.get("owner") else ""
    option = f"{ack['option']}: " if ack.get("option") else ""
    verdict = "accepted" if f.accepted_risk else f"refused: {ack.get('refused', 'by the profile')}"
    return f"acknowledged ({verdict}{who}): {option}{ack.get('reason', '')}"


def notice(n: Notice) -> str:
    """A notice about the run (its exemptions, baseline or what it could not inspect), in one line."""
    return f"{n.level}: {n.file}: {n.message}"


def by_owner(findings: list[Finding]) -> dict[str, list[Finding]]:
    """The acknowledged findings grouped by who owns the risk (unowned last)."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.acknowledged or {}).get("owner", ""), []).append(f)
    return dict(sorted(groups.items(), key=lambda item: (not item[0], item[0])))


def blocked_by_notices(report: Report) -> str:
    """Why notices block the run: components nothing inspected, or problems with the exemptions or baseline."""
    uninspected = sum(n.kind == "uninspected" for n in report.blocking_notices)
    unread = sum(n.kind == "unreadable" for n in report.blocking_notices)
    others = len(report.blocking_notices) - uninspected - unread
    reasons = [f"{plural(uninspected, 'component')} not inspected (the profile says uninspected: fail)"] if uninspected else []
    reasons += [f"{plural(unread, 'stack')} could not be read, so not checked"] if unread else []
    reasons += [f"{plural(others, 'exemption problem')} must be fixed"] if others else []
    return f"{' and '.join(reasons)} (see the notices)"


def summary(report: Report) -> str:
    return f"stack {report.stack}, profile {report.profile}: {counts(report)}"


def counts_line(report: Report) -> str:
    """The counts as the terminal's and the CI log's summary line (80 columns): zero counts other
    than mandatory are left out; the stack and profile have their own line."""
    s = report.summary
    parts = [f"{s.mandatory} mandatory"] + [f"{n} {word}" for n, word in (
        (s.advisory, "advisory"), (s.exempted, "exempted"), (s.acknowledged, "acknowledged"),
        (s.baselined if report.baseline is not None else 0, "baselined"),
        (len(report.baseline.fixed) if report.baseline is not None else 0, "fixed")) if n]
    return f"stackguard: {plural(s.resources, 'resource')}, {plural(s.findings, 'finding')} ({', '.join(parts)})"


def profile_line(report: Report) -> str:
    """Which stack and which profile file decided, as every text report names them."""
    profile = (report.run.profile or {}) if report.run else {}
    file = profile.get("file")
    shown = f" ({file})" if file and file != report.profile else ""
    return f"stack {report.stack}, profile {report.profile}{shown}"


def break_glass(report: Report) -> str:
    """What an active break-glass let through, loudly ("" when none is active)."""
    entries = sorted({n.key for n in report.notices or [] if n.kind == "break-glass"})
    if not entries:
        return ""
    through = sum(1 for f in report.findings if (f.exemption or {}).get("break_glass"))
    return f"BREAK-GLASS ({', '.join(entries)}): {plural(through, 'mandatory finding')} let through, see the notices"


def verdict(report: Report) -> tuple[bool, str]:
    """(blocked, the sentence saying why)."""
    blocking = report.blocking
    threshold = f" at or above {report.fail_on}" if report.fail_on and report.fail_on != "low" else ""
    glass = break_glass(report)
    if blocking:
        return True, f"BLOCKED: {plural(len(blocking), 'mandatory finding')}{threshold} must be fixed or exempted{glass and ' (' + glass + ')'}"
    if report.blocking_notices:
        return True, f"BLOCKED: {blocked_by_notices(report)}"
    if glass:
        return False, f"PASSED UNDER {glass}"
    new = " new" if report.baseline is not None else ""
    return False, f"PASSED: no{new} unexempted mandatory finding{threshold}"
