"""A guideline repository with something to review, for the tests of `referral review`.

On 2026-10-01 (six months' interval, last review of the whole 2026-06-01): the row
skanna-pass was reviewed long ago, bank-e-legitimation has no owner, the actor bank has
no relationship and was never informed, skatteverket was last in touch on 2026-09-15,
and of the two questions without a row only NEW_ENTRY is newer than the last review.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import ACTORS, MATRIX

MATRIX_REVIEW = (
    MATRIX
    + """\
      - id: skanna-pass
        need: Skanna pass
        solution: Vi skannar, användaren sparar.
        refer_to: [skatteverket]
        reviewed: 2025-01-10
        owner: Kajsa
"""
)
ACTORS_REVIEW = ACTORS.replace(
    "      owner: Kajsa\n",
    "      owner: Kajsa\n      last_contact: 2026-09-15\n      informed: 2026-05-01\n",
)
OLD_ENTRY = """\
date: 2026-05-20
description: Fråga före senaste översynen.
"""
NEW_ENTRY = """\
date: 2026-09-10
description: Fråga om digital brevlåda.
category: dokument
reasons: [technical]
"""
AGENDA_ENTRY = """\
date: 2026-09-12
branch: centrum
description: Fråga om att <b>logga in</b> på *Mina sidor* med e-legitimation.
reflection: Svårt att veta var gränsen går.
reasons: [privacy, legal]
row: bank-e-legitimation
category: dokument
"""


def make_review_repo(make_repo: Callable[..., Path]) -> Path:
    """The repository described above, built with conftest's `make_repo`."""
    return make_repo(
        {
            "data/matrix.yaml": MATRIX_REVIEW,
            "data/actors.yaml": ACTORS_REVIEW,
            "data/inventory/old.yaml": OLD_ENTRY,
            "data/inventory/new.yaml": NEW_ENTRY,
        }
    )
