"""Output specs: --format and --output combined the old way and the FORMAT=FILE way."""
from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from stackguard.errors import InputError
from stackguard.model import Report, Summary
from stackguard.outputs import Output, parse, write


def test_no_option_is_the_default_format_on_stdout():
    assert parse([], None, "table") == [Output("table", None)]


def test_format_with_a_plain_file_as_before():
    assert parse(["out/report.sarif"], "sarif", "table") == [Output("sarif", Path("out/report.sarif"))]


def test_format_equals_file_repeated_and_stdout_dash():
    assert parse(["sarif=a.sarif", "junit=b.xml", "github=-"], None, "table") == [
        Output("sarif", Path("a.sarif")), Output("junit", Path("b.xml")), Output("github", None)]


def test_format_alone_still_goes_to_stdout_beside_file_outputs():
    assert parse(["junit=b.xml"], "table", "json") == [Output("table", None), Output("junit", Path("b.xml"))]


@pytest.mark.parametrize("values, fmt, key", [
    (["pdf=x.pdf"], None, "pdf=x.pdf"),
    (["sarif="], None, "sarif="),
    (["a.json", "b.json"], "json", "b.json"),
    (["json=-", "-"], "table", "-"),
])
def test_bad_outputs_name_the_option_and_value(values, fmt, key):
    with pytest.raises(InputError) as err:
        parse(values, fmt, "table")
    assert err.value.source == "--output" and err.value.key == key


def test_files_are_written_whole_with_no_partial_left(tmp_path):
    report = Report(stack="dev", profile="dev", findings=[], summary=Summary(resources=1, findings=0, mandatory=0, advisory=0, exempted=0))
    write(report, [Output("json", tmp_path / "a" / "r.json"), Output("junit", tmp_path / "r.xml")], Console())
    assert (tmp_path / "a" / "r.json").read_text().startswith("{") and (tmp_path / "r.xml").read_text().startswith("<?xml")
    assert not list(tmp_path.rglob("*.partial"))
