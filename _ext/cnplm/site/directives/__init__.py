"""Directives that render the catalogue: one module per directive."""
