"""Rule documentation: `stackguard explain RULE` and the generated reference in docs/rules/.

Everything comes from the rule's own `# METADATA` (title, description, custom.remediation,
custom.example, custom.compliance, custom.config), so the reference cannot drift from the rules
as long as docs/rules is regenerated: `stackguard explain --all --output-dir docs/rules`.
"""
from __future__ import annotations

import json
import re
from enum import Enum
from pathlib import Path

from . import fsbp
from .catalog import Rule

REGENERATE = "stackguard explain --all --output-dir docs/rules"
KIND = {"resource": "each resource on its own", "stack": "the whole stack (resources together)"}


class ExplainFormat(str, Enum):
    text = "text"
    markdown = "markdown"


_CODE_SPAN = re.compile(r"(`[^`]*`)")
_MARKDOWN_EMPHASIS = re.compile(r"([\\*_])")


def plain(text: str) -> str:
    """Metadata prose as Markdown that shows it as written: `Principal "*"` and `s3:*` are policy
    syntax, not emphasis (a renderer would drop both stars). Code spans are kept as they are."""
    return "".join(part if _CODE_SPAN.fullmatch(part) else _MARKDOWN_EMPHASIS.sub(r"\\\1", part)
                   for part in _CODE_SPAN.split(text))


def source_path(rule: Rule) -> str:
    """The rule file as a repository path, whatever folder the catalog was read from."""
    return "policies/rego/" + rule.file.replace("\\", "/").split("/rego/", 1)[-1]


def _parameters(rule: Rule) -> list[str]:
    if not rule.config:
        return ["None: the rule has no parameters."]
    lines = ["| parameter | type | default | allowed | meaning |", "|---|---|---|---|---|"]
    for name, schema in sorted(rule.config.items()):
        bounds = [f"{word} {schema[key]}" for key, word in (("minimum", "≥"), ("maximum", "≤")) if key in schema]
        if "enum" in schema:
            bounds.append("one of " + ", ".join(f"`{v}`" for v in schema["enum"]))
        if "items" in schema and "enum" in schema["items"]:
            bounds.append("each one of " + ", ".join(f"`{v}`" for v in schema["items"]["enum"]))
        default = f"`{json.dumps(schema['default'])}`" if "default" in schema else "—"
        lines.append(f"| `{name}` | {schema.get('type', 'any')} | {default} | {', '.join(bounds) or 'any'} | "
                     f"{schema.get('description', '').replace('|', '/')} |")
    example = {rule.id: {"enforcementLevel": "mandatory",
                         **{n: s["default"] for n, s in sorted(rule.config.items()) if "default" in s}}}
    lines += ["", "Set them per environment in your profile files (the ones your stackguard.yaml names; "
              "`stackguard/profiles/<env>.json` after `stackguard init`):", "", "```json",
              json.dumps(example, indent=2), "```"]
    return lines


def markdown(rule: Rule) -> str:
    """The full documentation of one rule, as Markdown."""
    lines = [
        f"# `{rule.id}`", "", "## What it checks", "", f"{plain(rule.title)}.", "",
        "| | |", "|---|---|",
        f"| severity | {rule.severity} |", f"| concern | {rule.concern} |",
        f"| checks | {KIND[rule.kind]} |", f"| source | `{source_path(rule)}` |",
        "", "## Why", "", plain(rule.description),
        "", "## How to fix", "", plain(rule.remediation),
    ]
    if rule.example:
        lines += ["", "In a Pulumi Python program:", "", "```python", rule.example, "```"]
    lines += ["", "To accept the risk for one resource instead, add an entry with a reason, an owner and an expiry "
              "to your exemptions file (the one your stackguard.yaml names; `stackguard/exemptions.yaml` after "
              "`stackguard init`); the finding stays in every report, marked exempted."]
    lines += ["", "## Compliance", ""]
    lines += [f"- {fw}: {', '.join(controls)}" for fw, controls in rule.compliance.items()] or ["No mapped controls."]
    lines += ["", "## Parameters", "", *_parameters(rule)]
    return "\n".join(lines) + "\n"


def index(rules: tuple[Rule, ...]) -> str:
    lines = ["# Rule reference", "",
             f"Generated from the rules' `# METADATA` by `{REGENERATE}`; do not edit by hand.", "",
             f"{len(rules)} rules. Coverage of the AWS Security Hub FSBP controls: [{fsbp.PAGE}]({fsbp.PAGE}).", "",
             "| rule | severity | concern | what it checks |", "|---|---|---|---|"]
    lines += [f"| [`{r.id}`]({r.id}.md) | {r.severity} | {r.concern} | {plain(r.title)} |" for r in rules]
    return "\n".join(lines) + "\n"


def reference(rules: tuple[Rule, ...]) -> dict[str, str]:
    """Every file of the rule reference, by name: the index, the FSBP coverage page and a page per rule."""
    return {"README.md": index(rules), fsbp.PAGE: fsbp.page(rules), **{f"{r.id}.md": markdown(r) for r in rules}}


def write_reference(rules: tuple[Rule, ...], directory: Path) -> list[Path]:
    """Write the reference, removing pages of rules that no longer exist."""
    directory.mkdir(parents=True, exist_ok=True)
    files = reference(rules)
    for stale in directory.glob("*.md"):
        if stale.name not in files:
            stale.unlink()
    written = []
    for name, text in files.items():
        path = directory / name
        path.write_text(text)
        written.append(path)
    return written
