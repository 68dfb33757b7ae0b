"""Where the policy assets live: the Rego rules, the pack, profiles and exemptions.

In a checkout they sit beside this package in `policies/`; in an installed wheel they are the
`stackguard.assets` package beside it. STACKGUARD_POLICY_DIR points at another copy of that folder.
"""
from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def policy_dir() -> Path:
    explicit = os.environ.get("STACKGUARD_POLICY_DIR")
    if explicit:
        return Path(explicit)
    checkout = _PACKAGE.parent
    return checkout if (checkout / "rego").is_dir() else _PACKAGE / "assets"


def rego_dir() -> Path:
    return policy_dir() / "rego"


def pack_dir() -> Path:
    return policy_dir() / "pack"


def profiles_dir() -> Path:
    return policy_dir() / "profiles"


def exemptions_file() -> Path:
    return Path(os.environ.get("STACKGUARD_EXEMPTIONS") or policy_dir() / "exemptions.yaml")
