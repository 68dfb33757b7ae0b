"""Several `check` runs against one central OPA at once (issue #22, item 5): the same export gives
byte-identical reports. A report names the time of its run (`run.timestamp`); SOURCE_DATE_EPOCH
fixes it, as reproducible builds do, so the whole file can be compared."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.stack_exports import generated_export

STACKGUARD = str(Path(sys.executable).with_name("stackguard"))
RUNS = 8
EPOCH = "1764806400"  # 2025-12-04T00:00:00Z

pytestmark = pytest.mark.slow


def check(export: Path, report: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([STACKGUARD, "check", str(export), "--profile", "prod", "--format", "json", "--output", str(report)],
                          capture_output=True, text=True, timeout=600, env={**os.environ, **env})


def test_concurrent_checks_against_one_central_opa_write_byte_identical_reports(opa, tmp_path):
    export = tmp_path / "export.json"
    export.write_text(json.dumps(generated_export(1000)))
    env = {"STACKGUARD_OPA_URL": opa.url, "STACKGUARD_OPA_TOKEN": opa.token, "STACKGUARD_OPA_TIMEOUT": "120",
           "SOURCE_DATE_EPOCH": EPOCH}
    reports = [tmp_path / f"report-{i}.json" for i in range(RUNS)]
    with ThreadPoolExecutor(RUNS) as pool:
        results = list(pool.map(lambda report: check(export, report, env), reports))
    assert [r.returncode for r in results] == [1] * RUNS, [r.stderr[-300:] for r in results]
    contents = {report.read_bytes() for report in reports}
    assert len(contents) == 1
    report = json.loads(contents.pop())
    assert report["run"]["timestamp"] == "2025-12-04T00:00:00+00:00"
    assert report["summary"]["mandatory"] > 0 and len(report["findings"]) > 100


def test_source_date_epoch_must_be_seconds(tmp_path, opa):
    export = tmp_path / "export.json"
    export.write_text(json.dumps(generated_export(10)))
    result = check(export, tmp_path / "r.json", {"STACKGUARD_OPA_URL": opa.url, "STACKGUARD_OPA_TOKEN": opa.token,
                                                 "SOURCE_DATE_EPOCH": "yesterday"})
    assert result.returncode == 2 and "SOURCE_DATE_EPOCH" in result.stderr and not (tmp_path / "r.json").exists()
