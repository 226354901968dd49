"""Keep the pickled configuration equal to the one the next run compares it with.

Sphinx compares the configuration of the previous build (pickled with the environment) with the
new one right after ``config-inited``. Extensions that change values later, at ``builder-inited``
(sphinx-copybutton appends to ``html_static_path``, furo sets
``pygments_dark_style``), make the two differ in every run, and each rebuild then reports "The
configuration has changed". The theme's own options (furo's ``pygments_dark_style``) are only
registered when the builder loads the theme, after the comparison, so they count as changed too.
Those later changes and options are taken out while the environment is pickled and put back
before anything is written.
"""

from __future__ import annotations

import copy
from typing import Any

from sphinx.application import Sphinx
from sphinx.util._serialise import stable_str

_AT_CONFIG = "_cnplm_config_at_config_inited"
_LATER = "_cnplm_config_changed_later"
_OPTIONS_AT_CONFIG = "_cnplm_config_options_at_config_inited"
_LATER_OPTIONS = "_cnplm_config_options_added_later"


def remember_configured(app: Sphinx, config) -> None:
    """config-inited (last): the values as conf.py and the extensions' config-inited made them."""
    snapshot: dict[str, Any] = {}
    for item in config:
        try:
            snapshot[item.name] = copy.deepcopy(item.value)
        except Exception:  # a value that cannot be copied is left alone  # noqa: BLE001
            continue
    setattr(app, _AT_CONFIG, snapshot)
    setattr(app, _OPTIONS_AT_CONFIG, {item.name for item in config})


def hide_later_changes(app: Sphinx, env) -> None:
    """env-updated, just before the environment is pickled."""
    later: dict[str, Any] = {}
    for name, value in getattr(app, _AT_CONFIG, {}).items():
        current = getattr(app.config, name, None)
        if stable_str(current) != stable_str(value):
            later[name] = current
            setattr(app.config, name, value)
    setattr(app, _LATER, later)
    known = getattr(app, _OPTIONS_AT_CONFIG, None)
    options = getattr(app.config, "_options", None)  # Sphinx's registry of options (private, hence guarded)
    if known is not None and isinstance(options, dict):
        added = {name: options.pop(name) for name in list(options) if name not in known}
        setattr(app, _LATER_OPTIONS, added)


def restore_later_changes(app: Sphinx, *_args) -> None:
    """write-started (and build-finished, in case nothing was written): the build goes on with them."""
    options = getattr(app.config, "_options", None)
    if isinstance(options, dict):
        options.update(getattr(app, _LATER_OPTIONS, None) or {})
    setattr(app, _LATER_OPTIONS, None)
    for name, value in (getattr(app, _LATER, None) or {}).items():
        setattr(app.config, name, value)
    setattr(app, _LATER, None)
