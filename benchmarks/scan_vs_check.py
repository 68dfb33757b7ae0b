"""`stackguard scan` of N stacks against N separate `stackguard check` runs of the same stacks, in the same run.

    .venv/bin/python benchmarks/scan_vs_check.py [--stacks 200] [--resources 100] [--linearity 50 100]

Each stack is a generated `pulumi stack export` (`stack_generator.py`, the `estate` mix, every tenth
group insecure) under a stack name of its own. The scan reads them all as export files, evaluates
them with one private OPA and writes a fresh SQLite history; the baseline runs
`stackguard check FILE --profile prod --format json` once per stack, as a team without `scan` would.
`--linearity` also times scans of fewer stacks, to show the time grows linearly with the stacks.
Writes benchmarks/results/scan_vs_check.json. Target (issue #21): scan at least 10x faster.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import measure
import stack_generator

HERE = Path(__file__).resolve().parent


def write_stacks(folder: Path, stacks: int, resources: int) -> list[Path]:
    template = json.dumps(stack_generator.export(resources))
    files = []
    for index in range(stacks):
        path = folder / f"stack-{index:03d}.json"
        path.write_text(template.replace(f"urn:pulumi:{stack_generator.STACK}::", f"urn:pulumi:bench{index:03d}::"))
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stacks", type=int, default=200)
    parser.add_argument("--resources", type=int, default=100)
    parser.add_argument("--linearity", type=int, nargs="*", default=[50, 100])
    args = parser.parse_args()
    stackguard = str(Path(sys.executable).with_name("stackguard"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_stacks(folder, args.stacks, args.resources)
        scans = {}
        for count in sorted({*args.linearity, args.stacks}):
            history = f"sqlite:///{folder}/history-{count}.sqlite"
            scans[count] = measure.run([stackguard, "scan", *map(str, files[:count]), "--history", history, "--format", "json"])
            assert scans[count]["code"] == 1, f"the scan of {count} stacks exited {scans[count]['code']}"  # insecure groups: 1
        started = time.perf_counter()
        checks = [measure.run([stackguard, "check", str(f), "--profile", "prod", "--format", "json"]) for f in files]
        checks_seconds = time.perf_counter() - started
        assert all(c["code"] == 1 for c in checks), "every generated stack has mandatory findings"
    scan = scans[args.stacks]
    result = {
        "when": measure.stamp(), "stacks": args.stacks, "resources_per_stack": args.resources,
        "scan_seconds": round(scan["seconds"], 2), "scan_peak_rss_mib": round(scan["peak_rss_mib"], 1),
        "checks_seconds": round(checks_seconds, 2), "check_median_seconds": round(sorted(c["seconds"] for c in checks)[len(checks) // 2], 3),
        "speedup": round(checks_seconds / scan["seconds"], 1),
        "scan_seconds_by_stacks": {str(n): round(r["seconds"], 2) for n, r in sorted(scans.items())},
        "seconds_per_stack_by_stacks": {str(n): round(r["seconds"] / n, 4) for n, r in sorted(scans.items())},
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "scan_vs_check.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
