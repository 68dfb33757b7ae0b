"""Where the policy assets live: the Rego rules, the pack, profiles and exemptions.

They sit beside this package in `policies/`; STACKGUARD_POLICY_DIR points elsewhere (a team's
own copy of the policies folder) without reinstalling the tooling.
"""
from __future__ import annotations

import os
from pathlib import Path


def policy_dir() -> Path:
    return Path(os.environ.get("STACKGUARD_POLICY_DIR") or Path(__file__).resolve().parents[1])


def rego_dir() -> Path:
    return policy_dir() / "rego"


def pack_dir() -> Path:
    return policy_dir() / "pack"


def profiles_dir() -> Path:
    return policy_dir() / "profiles"


def exemptions_file() -> Path:
    return Path(os.environ.get("STACKGUARD_EXEMPTIONS") or policy_dir() / "exemptions.yaml")
