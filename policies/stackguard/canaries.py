"""The canaries drawn at random for each batch query, beside the fixed one (engine.CANARY).

An engine that knows only the fixed canary's answer (a fake central OPA) would pass a check that
asks for that one alone. Each batch and each proof therefore also carries a resource drawn at random
from `canaries.json` (one resource per rule, from the detection corpus, that the rule flags with its
default parameters; written by scripts/canaries.py), under a URN made for the query: an answer that
lacks its rule's finding was not evaluated by the rules the catalog names, and is refused.
"""
from __future__ import annotations

import json
import random
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

_FILE = Path(__file__).with_name("canaries.json")
_DRAW = random.SystemRandom()


@dataclass(frozen=True)
class Canary:
    rule: str
    document: dict[str, Any]

    @property
    def urn(self) -> str:
        return str(self.document["urn"])


@lru_cache(maxsize=1)
def _all() -> tuple[Canary, ...]:
    return tuple(Canary(entry["rule"], entry["document"]) for entry in json.loads(_FILE.read_text()))


def draw(known_rules: Iterable[str], config: dict[str, Any]) -> Canary | None:
    """A canary of a rule the engine must serve whose parameters the query leaves at their defaults
    (a parameter could make the canary legitimately pass), under a fresh URN; None when none fits."""
    known = set(known_rules)
    fitting = [c for c in _all() if c.rule in known and c.rule not in config]
    if not fitting:
        return None
    chosen = _DRAW.choice(fitting)
    urn = f"urn:pulumi:canary::stackguard::{chosen.document['type']}::canary-{secrets.token_hex(8)}"
    return Canary(chosen.rule, {**chosen.document, "urn": urn})
