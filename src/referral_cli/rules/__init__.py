"""What makes guideline data right: models to findings, cross-file checks, privacy."""
