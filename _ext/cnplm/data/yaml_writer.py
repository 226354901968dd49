"""Write cards and registries as readable YAML with the schema comment editors use."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

SCHEMA_COMMENT = "# yaml-language-server: $schema={schema}\n"


def dump_yaml(data: Any, schema_path: str | None = None) -> str:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    yaml.dump(data, stream)
    header = SCHEMA_COMMENT.format(schema=schema_path) if schema_path else ""
    body = "".join(line for line in stream.getvalue().splitlines(keepends=True)
                   if not line.startswith("# yaml-language-server:"))  # a comment ruamel kept from a read
    return header + body


def write_new_yaml(path: Path, data: Any, schema_path: str | None = None) -> bool:
    """Write ``path`` unless it exists (cards are edited by hand once drafted)."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_yaml(data, schema_path), encoding="utf-8")
    return True
