"""awesome layer."""
