"""Core functions behind each CLI command; none of them imports typer."""
