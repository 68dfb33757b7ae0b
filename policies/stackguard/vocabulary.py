"""The words every part of stackguard shares: severities, enforcement levels, Pulumi's value markers.

Defined once here; the catalog, profiles, the decision core, the pack and the renderers import them.
"""
from __future__ import annotations

from typing import Literal

Severity = Literal["low", "medium", "high", "critical"]
SEVERITIES: tuple[Severity, ...] = ("critical", "high", "medium", "low")
SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(SEVERITIES)}  # most severe first
SEVERITY_RANK = {severity: len(SEVERITIES) - 1 - rank for severity, rank in SEVERITY_ORDER.items()}  # low 0 … critical 3

# Levels a profile may set (Pulumi's --policy-pack-config vocabulary) and the two a finding is reported at.
LEVELS = ("advisory", "mandatory", "remediate", "disabled")
Enforcement = Literal["advisory", "mandatory"]

# Pulumi's property signatures (sdk/go/common/resource/sig).
SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e"
ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17"
ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7"

# What a secret becomes before it leaves stackguard's hands: OPA, logs and reports only see this.
SECRET_MARKER = "[secret]"
