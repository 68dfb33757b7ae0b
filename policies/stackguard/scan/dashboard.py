"""The scan's HTML dashboard: one self-contained page (inline CSS and SVG, no script, no external asset)
from templates/scan-dashboard.html.j2, with the trend of open findings per severity as a line chart."""
from __future__ import annotations

from dataclasses import dataclass

from ..render.html import _environment
from .history import SEVERITIES
from .summary import ScanReport

WIDTH, HEIGHT, MARGIN = 720, 260, 40
COLOURS = {"critical": "#7b1fa2", "high": "#c62828", "medium": "#ef6c00", "low": "#1565c0"}


@dataclass(frozen=True)
class Line:
    severity: str
    colour: str
    points: list[tuple[float, float, int]]  # x, y and the count drawn there

    @property
    def path(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in self.points)


def chart(report: ScanReport) -> tuple[list[Line], list[tuple[float, int]], list[tuple[float, str]]]:
    """The trend's lines (in drawing order), the y-axis ticks (y, count) and the x-axis labels (x, scan)."""
    trend = report.trend
    top = max([1, *(p.open[s] for p in trend for s in SEVERITIES)])
    step = (WIDTH - 2 * MARGIN) / max(1, len(trend) - 1)

    def x(i: int) -> float:
        return MARGIN + i * step if len(trend) > 1 else WIDTH / 2

    def y(count: int) -> float:
        return HEIGHT - MARGIN - count * (HEIGHT - 2 * MARGIN) / top

    # Drawn least severe first: where two severities have the same counts, the more severe line stays visible on top.
    lines = [Line(s, COLOURS[s], [(x(i), y(p.open[s]), p.open[s]) for i, p in enumerate(trend)]) for s in reversed(SEVERITIES)]
    ticks = list(range(top + 1)) if top <= 8 else sorted({0, top // 2, top})
    return lines, [(y(t), t) for t in ticks], [(x(i), f"#{p.scan}") for i, p in enumerate(trend)]


def render(report: ScanReport) -> str:
    lines, ticks, labels = chart(report)
    stacks = report.stacks
    return _environment().get_template("scan-dashboard.html.j2").render(
        report=report, severities=SEVERITIES, lines=lines, ticks=ticks, labels=labels, width=WIDTH, height=HEIGHT, margin=MARGIN,
        sections=[("New", [f for s in stacks for f in s.new]), ("No longer exempted", [f for s in stacks for f in s.unexempted]),
                  ("Fixed", [f for s in stacks for f in s.fixed]), ("Past their SLA", [f for s in stacks for f in s.sla_breaches]),
                  ("Open", [f for s in stacks for f in s.open])],
        exemptions=[("Expiring within 14 days", report.exemptions.expiring), ("Expired", report.exemptions.expired),
                    ("Stale (matching nothing)", report.exemptions.stale)],
    )
