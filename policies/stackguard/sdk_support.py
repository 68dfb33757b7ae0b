"""Which pulumi SDKs preflight's program host runs, decided in the program's own environment right
after `import pulumi`, before the host or the program uses anything else of the SDK.

Run with the real SDKs from PyPI (a raw `pulumi.CustomResource` program, so that no provider SDK
constrains the version): 3.21.0, 3.22.0, 3.25.0, 3.30.0, 3.37.0, 3.39.0 and 3.60.0 are gated;
3.5.1 and 3.20.0 end without the runtime signalling that their registrations were done, which
preflight could only report as a program that ended early (exit 3). So an SDK older than 3.21.0
(teams still pin 3.5.1) is refused with exit 2 naming the version found and the minimum.
`stackguard check` on a real `pulumi preview --json` gates such programs: it needs no program host.

Standard library only: this module is copied beside the host into the program's environment.
"""
from __future__ import annotations

import re
from importlib import metadata
from typing import Any, Optional

MINIMUM = (3, 21, 0)
MINIMUM_TEXT = ".".join(str(n) for n in MINIMUM)
STATUS = "unsupported-sdk"


def _release(version: str) -> tuple[int, ...]:
    """(major, minor, patch) of a version string such as 3.5.1 or 3.120.0.dev0; () when unreadable."""
    found = re.match(r"(\d+)\.(\d+)\.(\d+)", version)
    return tuple(int(n) for n in found.groups()) if found else ()


def refusal(pulumi_module: Any) -> Optional[dict[str, str]]:
    """None when the imported SDK can be run, else the host's report saying why not."""
    try:
        version = metadata.version("pulumi")
    except metadata.PackageNotFoundError:
        version = str(getattr(pulumi_module, "__version__", "unknown"))
    return verdict(version)


def verdict(version: str) -> Optional[dict[str, str]]:
    """Refused below the minimum release; a version that cannot be read is given the benefit of the run,
    whose completion preflight checks anyway."""
    release = _release(version)
    if not release or release >= MINIMUM:
        return None
    return {"status": STATUS, "version": version, "minimum": MINIMUM_TEXT}
