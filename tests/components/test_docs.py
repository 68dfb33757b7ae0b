"""docs/components.md is the reference a consuming team reads: every input of every component is in it."""
from __future__ import annotations

from pathlib import Path

import pytest

import stackguard.components as components

DOC = (Path(__file__).resolve().parents[2] / "docs" / "components.md").read_text()
ARGS = [getattr(components, name) for name in components.__all__ if name.endswith("Args")]


@pytest.mark.parametrize("model", ARGS, ids=[m.__name__ for m in ARGS])
def test_every_input_is_documented_in_its_components_section(model):
    component = model.__name__.removesuffix("Args")
    section = DOC.split(f"\n## {component} (", 1)[1].split("\n## ", 1)[0]
    missing = [field for field in model.model_fields if f"| `{field}` |" not in section]
    assert not missing, f"docs/components.md, {component}: inputs not documented: {missing}"
