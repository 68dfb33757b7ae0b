"""What is wrong with a run's exemptions, judged against the profile: the same verdicts for the
gate (through the decision core, under `check`, `preflight` and `pulumi up`) and for
`stackguard exemptions lint`.

- stale: an entry for one of the run's stacks that matched no finding (a typo in the URN, a renamed
  or deleted resource); an error when the profile says `unmatchedExemptions: fail`, with the
  nearest URN of the run as a did-you-mean;
- expiring: an entry that expires within EXPIRY_WARNING_DAYS (a warning);
- over-long: an entry that expires further away than the profile's `exemptionMaxDays` (an error);
- non-negotiable: an entry for a rule the profile marks `nonNegotiable` (an error);
- expired and unowned: only `lint` sees these (the gate refuses such a file with exit 2).
"""
from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
from typing import Iterable, Optional

from .exemptions import Exemption, Exemptions, stack_of
from .model import Notice
from .profiles import Profile

EXPIRY_WARNING_DAYS = 14


def refusal(entry: Exemption, profile: Profile, today: dt.date) -> str:
    """Why the profile does not let this entry exempt anything ("" when it does)."""
    if profile.non_negotiable(entry.rule):
        return f"{entry.rule} is non-negotiable in profile {profile.name}: no exemption passes it"
    if entry.expires < today:  # only a break-glass lets the gate load an expired entry
        return f"expired on {entry.expires.isoformat()}"
    limit = profile.governance.exemption_max_days
    if limit is not None and entry.expires > today + dt.timedelta(days=limit):
        latest = (today + dt.timedelta(days=limit)).isoformat()
        return f"expires {entry.expires.isoformat()}, more than {limit} days away (profile {profile.name} allows {latest} at the latest)"
    return ""


def nearest(resource: str, urns: Iterable[str]) -> Optional[str]:
    """The URN that looks most like what an entry names (difflib's ratio), if any looks close."""
    close = difflib.get_close_matches(resource, list(dict.fromkeys(urns)), n=1, cutoff=0.6)
    return close[0] if close else None


def review(exemptions: Exemptions, profile: Profile, today: dt.date, stacks: Optional[set[str]] = None,
           urns: Optional[list[str]] = None, matched: Optional[set[int]] = None) -> list[Notice]:
    """The notices about the entries for `stacks` (every entry when None). Staleness is judged only
    when the run's URNs and the entries that matched a finding are known."""
    notices = []
    for entry in exemptions.entries:
        if stacks is not None and not stacks.intersection(entry.stacks):
            continue
        refused = refusal(entry, profile, today)
        if refused and entry.expires >= today:
            kind = "non-negotiable" if profile.non_negotiable(entry.rule) else "over-long"
            notices.append(_notice(exemptions.source, entry, kind, "error", f"refused: {refused}"))
        days_left = (entry.expires - today).days
        if not entry.owner:
            notices.append(_notice(exemptions.source, entry, "unowned", "error", "names no owner: add the team or person who accepted it"))
        if days_left < 0:
            notices.append(_notice(exemptions.source, entry, "expired", "error",
                                   f"expired on {entry.expires.isoformat()}: renew it with a new date or fix the finding"))
        elif days_left <= EXPIRY_WARNING_DAYS:
            notices.append(_notice(exemptions.source, entry, "expiring", "warning",
                                   f"expires on {entry.expires.isoformat()}, in {days_left} days: renew it or fix the finding"))
        checked = profile.effective_level(entry.rule) != "disabled"
        if urns is not None and matched is not None and checked and entry.index not in matched:
            suggestion = nearest(entry.resource, urns)
            hint = f"did you mean {suggestion}?" if suggestion else "no resource of the run looks like it"
            level = "error" if profile.governance.unmatched_exemptions == "fail" else "warning"
            where = ", ".join(sorted((stacks or set()) & set(entry.stacks)))
            notices.append(_notice(exemptions.source, entry, "stale", level, f"matches no finding of stack {where}; {hint}",
                                   did_you_mean=suggestion))
    return notices


def lint(exemptions: Exemptions, profile: Profile, today: dt.date, urns: Optional[list[str]] = None) -> list[Notice]:
    """`stackguard exemptions lint`: every entry's problems; with the URNs of previews or exports, also
    the entries of their stacks that name no resource of them (lint runs no engine, so it cannot
    know which still match a finding: `check` can)."""
    notices = review(exemptions, profile, today)
    if urns is not None:
        stacks = {stack_of(urn) for urn in urns}
        named = {e.index for e in exemptions.entries if any(stack_of(u) in e.stacks and fnmatch.fnmatchcase(u, e.resource) for u in urns)}
        notices += [n for n in review(exemptions, profile, today, stacks, urns, named) if n.kind == "stale"]
    return sorted(notices, key=lambda n: (len(n.key), n.key, n.kind))


def _notice(source: str, entry: Exemption, kind: str, level: str, message: str, did_you_mean: Optional[str] = None) -> Notice:
    return Notice.model_validate({"kind": kind, "level": level, "file": source, "key": entry.key, "rule": entry.rule,
                                  "resource": entry.resource, "message": f"{entry.key} ({entry.rule}): {message}",
                                  "did_you_mean": did_you_mean})
