"""One resource registration as the engine's RegisterResource request carried it.

Its own module, standard library only: the monitors build them (recording.py in-process,
program_monitor.py for preflight) and the gate reads them without importing pulumi.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class Registration:
    """One registered resource: what the engine's RegisterResource request carried."""

    urn: str
    type: str
    name: str
    parent: str
    inputs: dict[str, Any]
    properties: Any  # struct_pb2.Struct in-process; its JSON form (a dict) when it comes from the program host
    dependencies: list[str]
    property_dependencies: dict[str, list[str]]
    source_file: Optional[str]
    source_line: Optional[int]
    options: dict[str, Any] = field(default_factory=dict)
    custom: bool = True
    remote: bool = False
