"""Inputs as the AWS provider reads them: a string given for an input the provider's schema types as a
boolean or a number is converted to that type before the provider applies it ("true" is true, "0" is
false, "22" is 22), so the Rego input carries the converted value and every rule judges what the
provider will apply, not the program's literal (`assign_public_ip="true"` is a public IP).

`provider_types.json` says where each resource type's inputs are booleans or numbers; it is generated
from the pinned pulumi-aws SDK by scripts/provider_types.py. Values the provider would refuse, unknown
preview values and secret markers stay as they are.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

_FILE = Path(__file__).with_name("provider_types.json")
# The strings the provider's conversion (go-cty's string to bool) takes for a boolean.
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


@cache
def _types() -> dict[str, Any]:
    return json.loads(_FILE.read_text())["types"]


def coerced(type_token: str, properties: Any) -> Any:
    """The resource's inputs with each string at a boolean or numeric input converted as the provider does."""
    tree = _types().get(type_token)
    return _convert(tree, properties) if tree is not None else properties


def _convert(node: Any, value: Any) -> Any:
    if node == "bool":
        return _BOOLEANS.get(value, value) if isinstance(value, str) else value
    if node == "number":
        if isinstance(value, str) and _NUMBER.fullmatch(value):
            number = float(value)
            return int(number) if number.is_integer() else number
        return value
    if "list" in node:
        return [_convert(node["list"], v) for v in value] if isinstance(value, list) else value
    if "map" in node:
        return {k: _convert(node["map"], v) for k, v in value.items()} if isinstance(value, dict) else value
    if not isinstance(value, dict):
        return value
    props = node["props"]
    return {k: _convert(props[k], v) if k in props else v for k, v in value.items()}
