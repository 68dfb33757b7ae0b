"""How often each rule fires on the real-program corpus (tests/programs/, the programs that
tests/test_program_corpus.py and tests/e2e/test_program_corpus.py gate): a rule that blocks most
real programs in prod must say why, or be narrowed to the real risk (issue #23, item 6).

    bash scripts/setup-corpus && .venv/bin/python benchmarks/rule_fire_counts.py [--profile prod] [--output FILE]

Each program runs through `stackguard preflight --stack <its stack> --profile <profile>` in the
shared corpus environment. Prints a Markdown table (rule, programs it fires on, findings, its level
in the profile) and writes the same as JSON (default benchmarks/results/rule_fire_counts.json).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import measure

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PROGRAMS = ROOT / "tests" / "programs"


def gate(program: Path, profile: str, work: Path, stackguard: str) -> dict:
    expected = json.loads((program / "expected.json").read_text())
    project = work / program.name
    shutil.copytree(program, project)
    (project / "venv").symlink_to(ROOT / ".venv-corpus")
    done = subprocess.run([stackguard, "preflight", "--stack", expected["stack"], "--profile", profile,
                           "--project", str(project), "--format", "json"], capture_output=True, text=True, timeout=600,
                          env=measure.program_environment(expected))
    if done.returncode not in (0, 1):
        raise SystemExit(f"{program.name}: preflight exited {done.returncode}: {done.stderr[-2000:]}")
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="prod")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "rule_fire_counts.json")
    args = parser.parse_args()
    stackguard = str(Path(sys.executable).with_name("stackguard"))
    programs = sorted(p for p in PROGRAMS.iterdir() if (p / "Pulumi.yaml").exists())
    on_programs: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    levels: dict[str, str] = {}
    blocked = 0
    with tempfile.TemporaryDirectory() as work:
        for program in programs:
            report = gate(program, args.profile, Path(work), stackguard)
            levels.update(report["run"]["levels"])
            rules = Counter(f["rule"] for f in report["findings"])
            findings.update(rules)
            on_programs.update(rules.keys())
            blocked += bool([f for f in report["findings"] if f["enforcement"] == "mandatory" and not f["exempted"]]
                            or [n for n in report.get("notices") or [] if n["level"] == "error"])
            sys.stderr.write(f"{program.name}: {dict(rules)}\n")
    rows = [{"rule": rule, "programs": on_programs[rule], "findings": findings[rule], "level": levels.get(rule, "?")}
            for rule in sorted(on_programs, key=lambda r: (-on_programs[r], r))]
    result = {"profile": args.profile, "programs": len(programs), "blocked": blocked, "rules": rows}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1) + "\n")
    lines = [f"{len(programs)} programs, {blocked} blocked under profile {args.profile}", "",
             "| rule | programs | findings | level |", "|---|---|---|---|"]
    lines += [f"| {r['rule']} | {r['programs']} | {r['findings']} | {r['level']} |" for r in rows]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
