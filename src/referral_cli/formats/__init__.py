"""Output formats: plain strings (text tables, CSV, JSON, HTML) built from a command's result."""
