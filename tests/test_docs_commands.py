"""The commands the README and docs/ show are commands stackguard has: every `stackguard ...` line
names a command that exists with options it takes, and the cheap ones run as written."""
from __future__ import annotations

import functools
import re
import shlex
from pathlib import Path

import pytest

from tests.cli_runs import run

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _commands() -> tuple[str, ...]:
    """Every command the CLI has, `group sub` for the commands of a group, longest first."""
    import typer

    from stackguard.cli import app

    root = typer.main.get_command(app)
    names = [f"{name} {sub}" if sub else name for name, command in root.commands.items()  # type: ignore[attr-defined]
             for sub in (getattr(command, "commands", None) or [""])]
    return tuple(sorted(names, key=len, reverse=True))


COMMANDS = _commands()
# `stackguard X` in inline code, or a code block's line that starts with it (up to a comment or a pipe).
INLINE = re.compile(r"`(stackguard [^`]+)`")
BLOCK_LINE = re.compile(r"^\s*(stackguard [^#|\n]+)")
# Commands that need nothing but the installed package: run as the docs write them.
# Names that are not commands: the JUnit suites of notices (docs/contracts.md).
NOT_COMMANDS = {"stackguard notices", "stackguard exemptions"}
CHEAP = re.compile(r"^stackguard (rules( --format (json|table))?|explain aws-[a-z0-9-]+|--version)$")


def mentions() -> list[tuple[str, str]]:
    found = []
    for document in DOCUMENTS:
        in_block, continued = False, ""
        for number, line in enumerate(document.read_text().splitlines(), 1):
            in_block ^= line.lstrip().startswith("```")
            if in_block and line.rstrip().endswith("\\"):  # a command continued on the next line
                continued += line.rstrip()[:-1] + " "
                continue
            line, continued = continued + line.strip() if continued else line, ""
            texts = [m.group(1) for m in INLINE.finditer(line)] + [m.group(1) for m in BLOCK_LINE.finditer(line) if in_block]
            for text in (t.strip().rstrip(".,;:") for t in texts):
                if "…" not in text and not text.startswith(("stackguard:", "stackguard.")) and text not in NOT_COMMANDS:
                    found.append((f"{document.relative_to(ROOT)}:{number}", text))
    return found


@functools.lru_cache(maxsize=None)
def help_of(command: str) -> str:
    result = run(*command.split(), "--help", env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_docs_mention_commands():
    assert len(mentions()) > 30


@pytest.mark.parametrize("where, text", mentions())
def test_every_documented_command_exists_with_its_options(where, text):
    words = shlex.split(text)[1:]
    if words in ([], ["--version"], ["--help"]):
        return
    line = " ".join(words)
    command = next((c for c in COMMANDS if line == c or line.startswith(c + " ")), None)
    assert command is not None, f"{where}: `{text}` names no stackguard command (commands: {', '.join(COMMANDS)})"
    usage = help_of(command)
    for option in (w.split("=", 1)[0] for w in words if w.startswith("--")):
        assert re.search(rf"(^|[\s,]){re.escape(option)}\b", usage, re.M), f"{where}: `{text}`: {command} has no option {option}"
    if CHEAP.match(text):
        result = run(*words)
        assert result.returncode == 0 and result.stdout, f"{where}: `{text}` exited {result.returncode}: {result.stderr}"


def test_the_changelog_speaks_to_users_not_to_this_repositorys_tracker():
    assert not re.findall(r"#\d+", (ROOT / "CHANGELOG.md").read_text())


def test_component_docs_name_only_rules_that_exist():
    # Every weakening a component accepts is acknowledged for a rule that reports it: the rule ids
    # docs/components.md names (not the `aws-waf-logs-<acl>` name prefix) all have a page.
    rules = {path.stem for path in (ROOT / "docs" / "rules").glob("aws-*.md")}
    text = (ROOT / "docs" / "components.md").read_text()
    named = set(re.findall(r"(?<![\w/.-])aws-[a-z0-9]+(?:-[a-z0-9]+)+(?![-<\w])", text))
    assert len(named) > 30 and not sorted(named - rules)
    assert "no rule yet" not in text.lower()
