"""The versioned JSON report of the architecture."""
from ..model import Report


def render(report: Report) -> str:
    return report.to_json() + "\n"
