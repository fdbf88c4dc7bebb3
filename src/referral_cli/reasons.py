"""The default reasons a question chafes (the article's list), labelled in Swedish and English.

A library that lists no `reasons` in library.yaml uses these. They live apart from the
models so that shell completion can offer them without importing pydantic.
"""

from __future__ import annotations

DEFAULT_REASONS_SV: tuple[tuple[str, str], ...] = (
    ("privacy", "Integritet / personuppgifter"),
    ("legal", "Juridik"),
    ("ethical", "Etik"),
    ("technical", "För tekniskt"),
    ("time", "För tidskrävande"),
    ("competence", "Saknar kompetens"),
    ("language", "Språkbarriär"),
    ("other", "Annat"),
)
DEFAULT_REASONS_EN: tuple[tuple[str, str], ...] = (
    ("privacy", "Privacy / personal data"),
    ("legal", "Legal"),
    ("ethical", "Ethical"),
    ("technical", "Too technical"),
    ("time", "Too time-consuming"),
    ("competence", "Lacking competence"),
    ("language", "Language barrier"),
    ("other", "Other"),
)
