"""The kinds of failure the CLI maps to exit codes: bad input (2); no policy decision, or no history to record it in (3)."""
from __future__ import annotations

import difflib
from typing import Iterable


class InputError(Exception):
    """A user mistake: a file, key or value that is not allowed. The message names all three."""

    def __init__(self, source: str, key: str, problem: str):
        self.source, self.key, self.problem = source, key, problem
        super().__init__(f"{source}: {key}: {problem}")

    @classmethod
    def parse(cls, text: str) -> "InputError":
        """Rebuild an InputError from its message, as printed by another process or a program."""
        source, _, rest = text.partition(": ")
        key, _, problem = rest.partition(": ")
        return cls(source, key, problem)


class EngineError(Exception):
    """The policy engine could not give an answer (unreachable, too slow, malformed reply)."""


class EngineRefused(EngineError):
    """The engine refused a request (HTTP 401 or 403): its authorization policy does not allow it."""


def not_a_rule(rule_id: str, known: Iterable[str], allowed: str = "an id listed by `stackguard rules`") -> str:
    """What an unknown rule id is told, with the nearest ids: a typo is the usual cause."""
    close = difflib.get_close_matches(rule_id, list(known), n=2, cutoff=0.75)
    hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
    return f"is not a rule id{hint}; allowed: {allowed}"


class StoreError(Exception):
    """The scan's history database could not be reached or failed mid-scan: nothing was recorded (exit 3)."""
