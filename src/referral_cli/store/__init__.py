"""Reading and writing the guideline repository: YAML, files, caches and git."""
