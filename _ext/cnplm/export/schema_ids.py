"""A published JSON Schema carries the ``$id`` of the URL it is served at."""

from __future__ import annotations

import json
import re

ID_RE = re.compile(r'"\$id"\s*:\s*"(?:[^"\\]|\\.)*"')


def with_schema_id(text: str, url: str) -> str:
    """The schema text with its top-level ``$id`` set to ``url`` (the rest of the text unchanged)."""
    replaced, count = ID_RE.subn(lambda _: f'"$id": {json.dumps(url)}', text, count=1)
    if count == 0 or json.loads(replaced).get("$id") != url:
        schema = json.loads(text)
        schema["$id"] = url
        return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return replaced
