"""Which resources a passing preview of a stack has had judged by the stack-level policies.

Runs in the pack process. Pulumi runs stack-level policies (AnalyzeStack) once every resource is
registered: in a preview that is before anything exists, in an update after every resource was
created. `pulumi up` previews first and stops on a violation, but `pulumi up --skip-preview` (the
Automation API's default) goes straight to the update. So a preview that passed writes a receipt of
the resources it judged, and an update lets a resource through only if such a receipt names it
(docs/architecture.md, "Enforcement"). The Pulumi CLI starts the pack afresh for the preview and for
the update of one `pulumi up`, so the receipt is a file, private to the user, under PULUMI_HOME.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

# How long a preview vouches for its resources: `pulumi up` and the Automation API's preview-then-up
# follow within seconds; a preview from yesterday says little about today's program.
VALID_SECONDS = 3600


@dataclass(frozen=True)
class StackIdentity:
    organization: str
    project: str
    stack: str


def _folder() -> Path:
    home = os.environ.get("PULUMI_HOME") or str(Path.home() / ".pulumi")
    return Path(home) / "stackguard" / "previews"


def _path(identity: StackIdentity) -> Path:
    key = hashlib.sha256(f"{identity.organization}/{identity.project}/{identity.stack}".encode()).hexdigest()[:32]
    return _folder() / f"{key}.json"


def write(identity: StackIdentity, context: str, urns: Iterable[str]) -> None:
    """Record that a preview under `context` (profile and rules) passed the stack-level policies for `urns`."""
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    document = {"stack": f"{identity.organization}/{identity.project}/{identity.stack}", "context": context,
                "written": time.time(), "urns": sorted(set(urns))}
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".receipt-")
    with os.fdopen(handle, "w") as out:
        json.dump(document, out)
    os.replace(temporary, _path(identity))


def forget(identity: StackIdentity) -> None:
    """A preview that did not pass vouches for nothing, not even what an earlier one judged."""
    _path(identity).unlink(missing_ok=True)


def vouched(identity: StackIdentity, context: str) -> frozenset[str]:
    """The URNs a recent passing preview of this stack judged under the same context; empty when none."""
    try:
        document = json.loads(_path(identity).read_text())
    except (OSError, ValueError):
        return frozenset()
    fresh = isinstance(document, dict) and time.time() - float(document.get("written", 0)) < VALID_SECONDS
    if not fresh or document.get("context") != context or not isinstance(document.get("urns"), list):
        return frozenset()
    return frozenset(u for u in document["urns"] if isinstance(u, str))
