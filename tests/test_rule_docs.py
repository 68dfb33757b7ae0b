"""The rule reference in docs/rules is generated from the rules' metadata and must be current."""
from __future__ import annotations

from pathlib import Path

from stackguard import explain

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def test_committed_rule_reference_is_current(rules):
    expected = explain.reference(rules)
    committed = {path.name: path.read_text() for path in DOCS.glob("*.md")}
    stale = sorted(name for name in expected.keys() | committed.keys() if expected.get(name) != committed.get(name))
    assert not stale, f"docs/rules is out of date ({', '.join(stale[:5])}{' ...' if len(stale) > 5 else ''}); regenerate with: {explain.REGENERATE}"


def test_every_rule_page_has_what_why_fix_compliance_and_parameters(rules):
    for rule in rules:
        page = explain.markdown(rule)
        for heading in ("## What it checks", "## Why", "## How to fix", "## Compliance", "## Parameters"):
            assert heading in page, (rule.id, heading)
        assert explain.plain(rule.description) in page and explain.plain(rule.remediation) in page
        assert f"[`{rule.id}`]({rule.id}.md)" in explain.index(rules)


def test_an_example_snippet_is_shown_as_python(rules):
    rule = rules[0].model_copy(update={"example": 'aws.kms.Key("data", enable_key_rotation=True)'})
    assert '```python\naws.kms.Key("data", enable_key_rotation=True)\n```' in explain.markdown(rule)
    assert "```python" not in explain.markdown(rules[0].model_copy(update={"example": ""}))


def test_policy_syntax_in_the_prose_survives_a_markdown_renderer(rules):
    # `stackguard explain` on a terminal renders the Markdown: unescaped, `Principal "*"` and
    # `Action "s3:*"` became emphasis and lost their stars, the opposite of the fix.
    import io

    from rich.console import Console
    from rich.markdown import Markdown

    [rule] = [r for r in rules if r.id == "aws-s3-bucket-tls-only"]
    shown = io.StringIO()
    Console(file=shown, width=200, color_system=None).print(Markdown(explain.markdown(rule)))
    text = " ".join(shown.getvalue().split())
    assert 'Principal "*"' in text and 'Action "s3:*"' in text and '"/*"' in text


def test_code_spans_in_the_prose_stay_code():
    assert explain.plain("set `require_ssl` to 1 and *not* s3:*") == "set `require_ssl` to 1 and \\*not\\* s3:\\*"
