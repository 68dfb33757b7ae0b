"""Resource data is the stack author's, not ours: before it reaches a terminal, a CI log or a pull
request, control sequences are removed and Markdown's mentions, links and autolinks are disarmed.

JSON, SARIF and HTML escape by their own rules; the table, GitHub annotations, JUnit (XML 1.0
forbids most control characters) and Markdown render from `for_text(report)`.
"""
from __future__ import annotations

import re
from typing import Any

from ..model import Report

# C0 controls but tab and newline, DEL, C1 controls (ESC sequences, CSI), and Unicode bidi overrides
# that make a terminal show text in another order than it is.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_REPLACEMENT = "\ufffd"


def terminal(text: str) -> str:
    return _CONTROLS.sub(_REPLACEMENT, text)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return terminal(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def for_text(report: Report) -> Report:
    """The same report with every string free of control sequences."""
    return Report.model_validate(_clean(report.model_dump()))


def markdown(text: str) -> str:
    """Inline Markdown that renders as the literal text: no HTML, mention, link, image or autolink."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`|\[\]])", r"\\\1", text)  # no code spans, table breaks, links or images
    text = text.replace("@", "&#64;")  # @user and @org/team notify people on GitHub
    return re.sub(r"(?i)\b(https?|ftp)://", r"\1&#58;//", text).replace("www.", "www&#46;")
