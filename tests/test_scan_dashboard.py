"""The scan's HTML dashboard: its trend chart draws the history's counts, stack data is escaped, and
headless Chromium renders it (the screenshot is kept under the test's folder for a person to look at)."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from stackguard import project_config
from stackguard.render.html import breakable_urn
from stackguard.scan import command, settings as scan_settings
from stackguard.scan.dashboard import render

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
EXPORT = ROOT / "tests/fixtures/real-cli/export.json"
CHROMIUM = Path("/usr/bin/chromium")
T0 = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.timezone.utc)


class Polylines(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, list[tuple[float, float]]] = {}

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "polyline":
            self.lines[values["data-severity"]] = [tuple(map(float, p.split(","))) for p in values["points"].split()]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Three scans: the recorded stack, then with its key rotating and a hostile key name added, then the same again."""
    folder = tmp_path_factory.mktemp("dashboard")
    fixed = json.loads(EXPORT.read_text())
    for resource in fixed["deployment"]["resources"]:
        if resource["type"] == "aws:kms/key:Key":
            resource["inputs"]["enableKeyRotation"] = True
            hostile = json.loads(json.dumps(resource).replace("data-key", "<img src=x onerror=alert(1)>"))
            hostile["inputs"]["enableKeyRotation"] = False
    fixed["deployment"]["resources"].append(hostile)
    (folder / "fixed.json").write_text(json.dumps(fixed))
    settings = scan_settings.load(project_config.load(folder))
    history = f"sqlite:///{folder}/h.sqlite"
    command.run([str(EXPORT)], settings, history, command.Clock(lambda: T0))
    command.run([str(folder / "fixed.json")], settings, history, command.Clock(lambda: T0 + dt.timedelta(days=1)))
    return folder, command.run([str(folder / "fixed.json")], settings, history, command.Clock(lambda: T0 + dt.timedelta(days=2)))


def test_the_trend_chart_draws_the_history(report):
    _, scanned = report
    page = render(scanned)
    parser = Polylines()
    parser.feed(page)
    assert set(parser.lines) == {"critical", "high", "medium", "low"}
    assert list(parser.lines) == ["low", "medium", "high", "critical"], "the most severe line is drawn last, on top where counts coincide"
    counts = {s: [p.open[s] for p in scanned.trend] for s in parser.lines}
    for severity, points in parser.lines.items():
        assert len(points) == 3
        heights = [p[1] for p in points]  # SVG y grows downwards: more findings, smaller y
        assert [a > b for a, b in zip(heights, heights[1:])] == [x < y for x, y in zip(counts[severity], counts[severity][1:])]
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    # A finding's URN wraps after its separators only, not mid-word as `word-break: break-all` did.
    opened = [f for s in scanned.stacks for f in s.open]
    assert opened and "break-all" not in page and all(f"<code>{breakable_urn(f.urn)}</code>" in page for f in opened)
    newly_open = re.search(r"<b>(\d+)</b>newly open", page)
    assert newly_open and int(newly_open.group(1)) == scanned.summary.new + scanned.summary.unexempted == sum(
        len(s.new) + len(s.unexempted) for s in scanned.stacks), "the tile counts what the stacks table's `new` column counts"


@pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium (apt-get install -y chromium)")
def test_chromium_renders_the_dashboard(report):
    folder, scanned = report
    page = folder / "dashboard.html"
    page.write_text(render(scanned))
    flags = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", f"--user-data-dir={folder / 'profile'}"]
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=True).stdout
    assert len(re.findall(r"<polyline", dom)) == 4 and "recorded/prod" in dom and "alert(1)" in dom and "<img" not in dom
    shot = folder / "dashboard.png"
    subprocess.run([*flags, "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000
