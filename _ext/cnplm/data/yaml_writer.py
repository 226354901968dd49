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


def add_new_items(path: Path, items: list[dict], schema_path: str | None = None) -> list[str]:
    """Append to the registry ``path`` (a YAML list of entries with an ``id``) the items whose id it
    does not hold yet; its own entries and comments are kept. Returns the ids added."""
    if not path.exists():
        write_new_yaml(path, items, schema_path)
        return [item["id"] for item in items]
    yaml = YAML(typ="rt", pure=True)
    registry = yaml.load(path.read_text(encoding="utf-8")) or []
    present = {entry.get("id") for entry in registry}
    added = [item for item in items if item["id"] not in present]
    if added:
        registry.extend(added)
        text = path.read_text(encoding="utf-8")
        schema_line = text.splitlines()[0] if text.startswith("# yaml-language-server:") else ""
        body = dump_yaml(registry)
        path.write_text((schema_line + "\n" if schema_line else "") + body, encoding="utf-8")
    return [item["id"] for item in added]
