"""Keep the pickled configuration equal to the one the next run compares it with.

Sphinx compares the configuration of the previous build (pickled with the environment) with the
new one right after ``config-inited``. Extensions that append to ``html_static_path`` later, at
``builder-inited`` (sphinx-design, sphinx-copybutton), make the two differ in every run, and each
rebuild then reports "The configuration has changed". The additions are taken out while the
environment is pickled and put back before anything is written.
"""

from __future__ import annotations

from sphinx.application import Sphinx

_CONFIGURED = "_cnplm_static_path_at_config"
_ADDED = "_cnplm_static_path_added"


def remember_configured(app: Sphinx, config) -> None:
    """config-inited (last): the static path as conf.py and the extensions' config-inited made it."""
    setattr(app, _CONFIGURED, list(config.html_static_path))


def hide_later_additions(app: Sphinx, env) -> None:
    """env-updated, just before the environment is pickled."""
    configured = getattr(app, _CONFIGURED, None)
    current = app.config.html_static_path
    if configured is None or current[: len(configured)] != configured or len(current) == len(configured):
        return
    setattr(app, _ADDED, current[len(configured):])
    del current[len(configured):]


def restore_additions(app: Sphinx, *_args) -> None:
    """write-started (and build-finished, in case nothing was written): the static files are copied."""
    added = getattr(app, _ADDED, None)
    if added:
        app.config.html_static_path.extend(added)
        setattr(app, _ADDED, None)
