"""What the policy step adds to a preflight: `stackguard preflight --stack ENV` against a bare
mock-runtime run of the same program (benchmarks/bare_program_run.py), each a fresh process.

    .venv/bin/python benchmarks/preflight_overhead.py [--stacks dev staging prod] [--repeats 3]

Writes benchmarks/results/preflight_overhead.json and prints a table. Target: the policy step adds
at most 30% to the bare run (ratio <= 1.30).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import measure

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stacks", nargs="+", default=["dev", "staging", "prod"])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    stackguard = str(Path(sys.executable).with_name("stackguard"))
    rows = []
    with tempfile.TemporaryDirectory() as work:
        # One untimed run fills the rule-annotation cache, as any earlier run on the machine would have.
        measure.run([stackguard, "rules", "--format", "json"])
        for stack in args.stacks:
            bare = measure.best_of(args.repeats, [sys.executable, str(HERE / "bare_program_run.py"), "--stack", stack,
                                                  "--project", str(ROOT)])
            gated = measure.best_of(args.repeats, [stackguard, "preflight", "--stack", stack, "--project", str(ROOT),
                                                   "--format", "json", "--output", str(Path(work, f"{stack}.json"))])
            assert bare["code"] == 0 and gated["code"] == 0, (stack, bare, gated)
            rows.append({"stack": stack, "bare_seconds": round(bare["seconds"], 3),
                         "preflight_seconds": round(gated["seconds"], 3),
                         "ratio": round(gated["seconds"] / bare["seconds"], 2),
                         "bare_peak_rss_mib": round(bare["peak_rss_mib"], 1),
                         "preflight_peak_rss_mib": round(gated["peak_rss_mib"], 1),
                         "bare_runs": bare["runs"], "preflight_runs": gated["runs"]})
    result = {"benchmark": "preflight_overhead", "when": measure.stamp(), "rows": rows}
    (HERE / "results" / "preflight_overhead.json").write_text(json.dumps(result, indent=2) + "\n")
    measure.print_table(rows, {"stack": "stack", "bare_seconds": "bare s", "preflight_seconds": "preflight s",
                               "ratio": "ratio", "bare_peak_rss_mib": "bare MiB", "preflight_peak_rss_mib": "preflight MiB"})


if __name__ == "__main__":
    main()
