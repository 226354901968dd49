"""Shared fixtures: sphinx.testing's app fixtures over the tiny projects in tests/roots/."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

pytest_plugins = ["sphinx.testing.fixtures"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOT / "tests" / "roots"


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT
