"""Preflight on the real-program corpus (tests/programs/) against a bare mock-runtime run of the same
programs (benchmarks/bare_program_run.py: the same child process in the program's environment, no
policy pack), each a fresh process.

    bash scripts/setup-corpus && .venv/bin/python benchmarks/preflight_corpus.py [--repeats 3]

Writes benchmarks/results/preflight_corpus.json and prints a table. Target: the policy step adds at
most 30% to the bare run (ratio <= 1.30 over the whole corpus).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import measure

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PROGRAMS = ROOT / "tests" / "programs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    stackguard = str(Path(sys.executable).with_name("stackguard"))
    rows = []
    with tempfile.TemporaryDirectory() as work:
        measure.run([stackguard, "rules", "--format", "json"])  # fills the rule-annotation cache, untimed
        for program in sorted(p for p in PROGRAMS.iterdir() if (p / "Pulumi.yaml").exists()):
            expected = json.loads((program / "expected.json").read_text())
            project = Path(work, program.name)
            shutil.copytree(program, project)
            (project / "venv").symlink_to(ROOT / ".venv-corpus")
            environment = measure.program_environment(expected)
            bare = measure.best_of(args.repeats, [sys.executable, str(HERE / "bare_program_run.py"),
                                                  "--stack", expected["stack"], "--project", str(project)], environment)
            gated = measure.best_of(args.repeats, [stackguard, "preflight", "--stack", expected["stack"],
                                                   "--profile", expected["profile"], "--project", str(project),
                                                   "--format", "json", "--output", str(Path(work, f"{program.name}.json"))],
                                    environment)
            assert bare["code"] == 0 and gated["code"] == expected["exit"], (program.name, bare, gated)
            rows.append({"program": program.name, "bare_seconds": round(bare["seconds"], 3),
                         "preflight_seconds": round(gated["seconds"], 3),
                         "ratio": round(gated["seconds"] / bare["seconds"], 2),
                         "bare_runs": bare["runs"], "preflight_runs": gated["runs"]})
    total_bare = sum(r["bare_seconds"] for r in rows)
    total_gated = sum(r["preflight_seconds"] for r in rows)
    rows.append({"program": "(whole corpus)", "bare_seconds": round(total_bare, 3),
                 "preflight_seconds": round(total_gated, 3), "ratio": round(total_gated / total_bare, 2)})
    result = {"benchmark": "preflight_corpus", "when": measure.stamp(), "rows": rows}
    (HERE / "results" / "preflight_corpus.json").write_text(json.dumps(result, indent=2) + "\n")
    measure.print_table(rows, {"program": "program", "bare_seconds": "bare s", "preflight_seconds": "preflight s",
                               "ratio": "ratio"})


if __name__ == "__main__":
    main()
