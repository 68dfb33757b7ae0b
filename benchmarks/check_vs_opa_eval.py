"""`stackguard check` on generated stack exports against `opa eval` of the same rules on the same
resources in one batch: the floor for this design (no HTTP, no proof, no Python). The floor asks
the entrypoints `check` asks (`batch_deny` for every resource, `stack_deny` once), loaded from the
same folder, so both sides evaluate the same rules the same way.

    .venv/bin/python benchmarks/check_vs_opa_eval.py [--sizes 1000 10000] [--repeats 1]

Writes benchmarks/results/check_vs_opa_eval.json and prints a table. Target (issue #10): within
1.5x of the floor at 10,000 resources, time growing linearly, peak RSS under 300 MB.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import measure
import stack_generator

from stackguard import paths, readers, rego_input, toolchain

HERE = Path(__file__).resolve().parent
BATCH_QUERY = "findings := count(data.stackguard.batch_deny); stack_findings := count(data.stackguard.stack_deny)"


def rego_batch(export_file: Path) -> dict:
    """The input `check` sends OPA, for every resource at once: the export read by the product's reader."""
    return {"resources": [rego_input.from_stack_resource(r) for r in readers.read(export_file)], "config": {}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    stackguard = str(Path(sys.executable).with_name("stackguard"))
    opa = str(toolchain.opa_binary())
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for size in args.sizes:
            export = stack_generator.export(size)
            export_file = Path(work, f"export-{size}.json")
            export_file.write_text(json.dumps(export))
            batch_file = Path(work, f"batch-{size}.json")
            batch_file.write_text(json.dumps(rego_batch(export_file)))
            floor = measure.best_of(args.repeats, [opa, "eval", "--format", "json", "-d", str(paths.rego_dir()),
                                                    "-i", str(batch_file), BATCH_QUERY])
            check = measure.best_of(args.repeats, [stackguard, "check", str(export_file), "--profile", "prod",
                                                    "--format", "json", "--output", str(Path(work, "report.json"))])
            assert floor["code"] == 0 and check["code"] in (0, 1), (floor, check)
            rows.append({"resources": size, "opa_eval_seconds": round(floor["seconds"], 3),
                         "check_seconds": round(check["seconds"], 3),
                         "ratio": round(check["seconds"] / floor["seconds"], 2),
                         "check_peak_rss_mib": round(check["peak_rss_mib"], 1),
                         "opa_eval_peak_rss_mib": round(floor["peak_rss_mib"], 1),
                         "check_runs": check["runs"], "opa_eval_runs": floor["runs"]})
    result = {"benchmark": "check_vs_opa_eval", "when": measure.stamp(), "rows": rows}
    (HERE / "results" / "check_vs_opa_eval.json").write_text(json.dumps(result, indent=2) + "\n")
    measure.print_table(rows, {"resources": "resources", "opa_eval_seconds": "opa eval s", "check_seconds": "check s",
                               "ratio": "ratio", "check_peak_rss_mib": "check MiB", "opa_eval_peak_rss_mib": "eval MiB"})


if __name__ == "__main__":
    main()
