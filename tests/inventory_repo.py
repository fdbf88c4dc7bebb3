"""A repository with four inventory entries in two periods and two branches.

Shared by the tests of `referral inventory`: its core, its formats and its table.
"""

from __future__ import annotations

from tests.conftest import LIBRARY, MATRIX

LIBRARY_MORE = (
    LIBRARY.replace(
        "    name: Centrumbiblioteket\n",
        "    name: Centrumbiblioteket\n  - id: norrby\n    name: Norrby områdesbibliotek\n",
    )
    + "  - id: vt-2026\n    start: 2026-03-02\n    end: 2026-03-15\n"
)
MATRIX_MORE = MATRIX + (
    "  - id: telefoner\n    title: Telefoner\n    rows:\n"
    "      - id: sim-kort\n        need: SIM-kort\n        solution: Operatören.\n"
    "        reviewed: 2026-09-01\n"
)
MARCH = """\
date: 2026-03-05
description: Skanna pass och bifoga det i en visumansökan på ett annat lands webbplats.
branch: norrby
reflection: Osäker på om jag fick hantera en kopia av passet.
reasons: [privacy, legal, language]
referred_to: [skatteverket]
outcome: partly
minutes: 25
read_level: 3
recorded_by: OS
period: vt-2026
"""
SIM = """\
date: 2026-08-23
description: "Återställa ett SIM-kort: PUK-koden fanns i kundportalen."
branch: centrum
reasons: [time]
category: telefoner
row: sim-kort
outcome: helped
period: ht-2026
"""
BARE = """\
date: 2026-09-03
description: Bluff-sms
"""
FILES = {
    "data/library.yaml": LIBRARY_MORE,
    "data/matrix.yaml": MATRIX_MORE,
    "data/inventory/2026/2026-03-05-skanna-pass-aaaaaa.yaml": MARCH,
    "data/inventory/2026/2026-08-23-sim-kort-bbbbbb.yaml": SIM,
    "data/inventory/2026/2026-09-03-bluff-sms-cccccc.yaml": BARE,
}
# The base fixture's entry: 2026-08-22, centrum, [language, privacy], row bank-e-legitimation.
BASE = "data/inventory/2026/2026-08-22-test-000001.yaml"
MARCH_FILE, SIM_FILE, BARE_FILE = list(FILES)[2:]
