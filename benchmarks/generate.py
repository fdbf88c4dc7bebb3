"""Generate a realistic synthetic guideline repository for benchmarks.

Swedish text with å/ä/ö, the field mix of the bundled example (most entries have a
reflection, reasons, an outcome and minutes; about three in four name a matrix row), one
file per inventory entry, about 800 bytes each. The data validates clean with
`referral validate` on the day it is generated (review dates are recent, no date is in
the future, every actor is referred to, no text looks like personal data).

    python benchmarks/generate.py OUT --entries 10000 --rows 50 [--seed 1]

Usable as a module: `generate(out, entries=..., rows=...)`. The output folder must be
empty, missing, or an earlier output of this generator (it is then replaced).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

GENERATOR_VERSION = 1
MARKER = ".referral-benchmark.json"

BRANCHES = [
    ("centralbiblioteket", "Centralbiblioteket"),
    ("norrby", "Norrby områdesbibliotek"),
    ("sjovik", "Sjöviks områdesbibliotek"),
    ("angby", "Ängby bibliotek"),
    ("ostermalm", "Östermalms bibliotek"),
]
REASONS = [
    "privacy",
    "legal",
    "ethical",
    "technical",
    "time",
    "competence",
    "language",
    "other",
]
OUTCOMES = ["helped", "partly", "referred", "declined"]
ACTOR_KINDS = ["bank", "authority", "municipality", "association", "study_association", "other"]
INITIALS = ["JB", "OS", "KÅ", "AÖ", "MÄ", "LN", "ES", "PH", "ÅL", "ÖB", "IK", "TJ"]

ORGS = [
    "Skatteverket",
    "Försäkringskassan",
    "Migrationsverket",
    "Arbetsförmedlingen",
    "CSN",
    "Pensionsmyndigheten",
    "Polisen",
    "Kommunens kontaktcenter",
    "Budget- och skuldrådgivningen",
    "Konsumentvägledningen",
    "Studieförbundet Vuxenskolan",
    "ABF",
    "Röda korset",
    "Medborgarkontoret",
    "Vårdcentralen",
    "Länsstyrelsen",
    "Kronofogden",
    "Transportstyrelsen",
    "Boverket",
    "Hyresgästföreningen",
]
TOPICS = [
    ("bankid", "BankID och inloggning", "förnya sitt BankID på telefonen"),
    ("deklaration", "Deklaration och skatt", "lämna sin deklaration i e-tjänsten"),
    ("bostadsbidrag", "Bostadsbidrag", "ansöka om bostadsbidrag på Försäkringskassans sidor"),
    ("pass", "Pass och ID-kort", "boka tid för pass hos Polisen"),
    ("studiemedel", "Studiemedel", "söka studiemedel hos CSN inför hösten"),
    ("uppehallstillstand", "Uppehållstillstånd", "se hur det gick med sin ansökan"),
    ("vard", "Vård och 1177", "boka en tid på vårdcentralen via 1177"),
    ("jobbsok", "Jobbsökning", "skriva ett personligt brev till en arbetsgivare"),
    ("foraldrapenning", "Föräldrapenning", "planera sina dagar med föräldrapenning"),
    ("bedrageri", "Bedrägerier", "förstå om ett sms från banken var äkta"),
    ("skrivare", "Utskrifter", "skriva ut kontoutdrag från internetbanken"),
    ("telefon", "Ny telefon", "flytta appar och bilder till en ny telefon"),
    ("e-post", "E-post", "komma in i sin e-post efter ett glömt lösenord"),
    ("hyra", "Bostad och hyra", "ställa sig i bostadskön och förstå ett hyresavtal"),
    ("pension", "Pension", "se sin pensionsprognos på minPension"),
    ("resa", "Resor och biljetter", "köpa en tågbiljett och ladda ner boardingkortet"),
]
OPENERS = [
    "En besökare ville ha hjälp med att {task}.",
    "En äldre användare behövde hjälp att {task}.",
    "En användare kom till disken och ville {task}.",
    "Någon ringde och frågade om vi kunde hjälpa till att {task}.",
    "En förälder med barn i vagnen behövde {task} före stängning.",
]
MIDDLES = [
    "Hon hade redan försökt själv men fastnade på inloggningen med e-legitimation.",
    "Han förstod inte vad myndigheten menade i brevet och var orolig för att göra fel.",
    "Det gällde känsliga uppgifter och vi fick tänka på vad som syntes på skärmen.",
    "Användaren talade mest arabiska och vi använde en översättningstjänst i telefonen.",
    "Ärendet krävde att vi loggade in åt användaren, vilket vi inte får göra.",
    "Vi läste igenom sidan tillsammans och letade efter rätt blankett.",
    "Det tog tid att förstå vilken myndighet som äger frågan.",
    "Användaren saknade lösenord till sin e-post och kunde inte få koden.",
    "Köerna var långa och det var högt tryck i informationsdisken samtidigt.",
    "Vi hittade rätt sida men e-tjänsten krävde en app som inte fanns i telefonen.",
]
ENDINGS = [
    "Till slut hänvisade vi till {org} och skrev upp öppettiderna på en lapp.",
    "Det löste sig delvis och användaren skulle återkomma nästa vecka.",
    "Vi bokade in en tid för digital handledning i stället.",
    "Användaren fick med sig en hänvisningslapp till {org}.",
    "Det gick bra till slut, men det tog längre tid än vi hade räknat med.",
]
REFLECTIONS = [
    "Jag var osäker på var gränsen går för vad vi får hjälpa till med här.",
    "Det kändes fel att se någons privata uppgifter på skärmen.",
    "Vi borde ha en färdig länk till {org} i matrisen för sådana här ärenden.",
    "Jag saknar kunskap om hur just den här e-tjänsten fungerar.",
    "Det tar tid från annat arbete och kön växte under tiden.",
    "Språket var den största svårigheten, inte tekniken.",
    "Jag tycker att {org} borde ta större ansvar för sina egna tjänster.",
    "Bra att vi kunde hjälpa till med en del av ärendet åtminstone.",
    "Vi behöver prata i arbetsgruppen om hur vi gör nästa gång.",
]
KEYWORDS = ["e-legitimation", "blankett", "ansökan", "inloggning", "lösenord", "utskrift", "app"]


def _periods(today: date, years: int) -> list[tuple[str, date, date]]:
    """Two two-week inventory periods a year (March and August), newest first, all begun."""
    periods = []
    for year in range(today.year, today.year - years - 1, -1):
        for label, start in (("ht", date(year, 8, 17)), ("vt", date(year, 3, 2))):
            end = start + timedelta(days=13)
            if start <= today:
                periods.append((f"{label}-{year}", start, end))
    return periods


def _folded(key: str, sentences: list[str], indent: str = "") -> str:
    body = "".join(f"{indent}  {s}\n" for s in sentences)
    return f"{indent}{key}: >-\n{body}"


def _library(today: date, periods: list[tuple[str, date, date]]) -> str:
    lines = [
        "# yaml-language-server: $schema=../schemas/library.schema.json",
        "name: Älvstads bibliotek",
        "municipality: Älvstads kommun",
        "language: sv",
        "review_interval_months: 6",
        f"reviewed: {today - timedelta(days=30)}",
        "purpose: >-",
        "  Riktlinjerna finns för att alla i personalen ska ge samma tydliga service:",
        "  det handlar inte om huruvida biblioteket hjälper till, utan hur.",
        "branches:",
    ]
    for branch_id, name in BRANCHES:
        lines += [f"  - id: {branch_id}", f"    name: {name}"]
    lines.append("periods:")
    for period_id, start, end in periods:
        lines += [f"  - id: {period_id}", f"    start: {start}", f"    end: {end}"]
    return "\n".join(lines) + "\n"


def _actors(today: date, count: int, rng: random.Random) -> tuple[str, list[str]]:
    ids = []
    lines = ["# yaml-language-server: $schema=../schemas/actors.schema.json", "actors:"]
    for index in range(count):
        org = ORGS[index % len(ORGS)]
        actor_id = f"aktor-{index + 1:03d}"
        ids.append(actor_id)
        lines += [
            f"  - id: {actor_id}",
            f"    name: {org} {'' if index < len(ORGS) else index + 1}".rstrip(),
            f"    kind: {ACTOR_KINDS[index % len(ACTOR_KINDS)]}",
            f"    scope: {['local', 'regional', 'national'][index % 3]}",
            "    description: >-",
            f"      {org} hjälper till med ärenden inom sitt område och har kundtjänst",
            "      på telefon, i chatten och på sitt kontor i Älvstad.",
            "    helps_with:",
            f"      - {rng.choice(TOPICS)[1]}",
            f"      - {rng.choice(TOPICS)[1]}",
            "    contact:",
            f"      website: https://www.exempel-{index + 1}.se",
            "      opening_hours: Mån–fre 8–16",
            "    languages: [sv, en]",
            "    relationship:",
            f"      status: {['established', 'none', 'unknown'][index % 3]}",
            "      owner: Enhetschefen",
            f"    reviewed: {today - timedelta(days=rng.randint(0, 90))}",
        ]
    return "\n".join(lines) + "\n", ids


def _matrix(
    today: date, rows: int, actor_ids: list[str], rng: random.Random
) -> tuple[str, list[tuple[str, str]]]:
    lines = [
        "# yaml-language-server: $schema=../schemas/matrix.schema.json",
        "checklist:",
        "  - step: Går ärendet att genomföra inom bibliotekets uppdrag?",
        "    guidance: >-",
        "      Titta i matrisen. Det finns nästan alltid en del av ärendet som vi kan",
        "      hjälpa till med.",
        "  - step: Har jag den kompetens som krävs?",
        "closing:",
        "  - step: Sammanfatta samtalet",
        "categories:",
    ]
    category_count = max(1, min(len(TOPICS), rows // 5 or 1))
    per_category = [
        rows // category_count + (1 if i < rows % category_count else 0)
        for i in range(category_count)
    ]
    placed: list[tuple[str, str]] = []
    row_number = 0
    for ci, count in enumerate(per_category):
        slug, title, task = TOPICS[ci]
        category_id = f"kategori-{slug}"
        lines += [f"  - id: {category_id}", f"    title: {title}", "    rows:"]
        for _ in range(count):
            row_number += 1
            row_id = f"rad-{row_number:04d}"
            # Every actor is referred to by some row, so no 'unused-actor' warning.
            refer = [actor_ids[(row_number - 1) % len(actor_ids)]]
            if rng.random() < 0.4:
                refer.append(rng.choice(actor_ids))
            refer = list(dict.fromkeys(refer))
            lines += [
                f"      - id: {row_id}",
                f"        need: {title}, fall {row_number} – användaren vill {task}",
                "        library_can: Visa var informationen finns och hur man loggar in.",
                "        solution: >-",
                "          Vi hjälper till att hitta rätt sida men loggar aldrig in åt",
                "          användaren. Ärendet ägs av aktören, som har egen kundtjänst.",
                f"        refer_to: [{', '.join(refer)}]",
                "        phrasing: Det här ärendet kan de hjälpa dig med bäst.",
                "        requires: [e_id, own_device]",
                f"        keywords: [{', '.join(rng.sample(KEYWORDS, 3))}]",
                f"        reviewed: {today - timedelta(days=rng.randint(0, 120))}",
                "        owner: Samordnaren",
            ]
            placed.append((category_id, row_id))
    return "\n".join(lines) + "\n", placed


def _entry(
    rng: random.Random,
    day: date,
    period_id: str,
    placed: list[tuple[str, str]],
    actor_ids: list[str],
) -> str:
    topic = rng.choice(TOPICS)
    org = rng.choice(ORGS)
    sentences = [
        rng.choice(OPENERS).format(task=topic[2]),
        rng.choice(MIDDLES),
        rng.choice(MIDDLES),
        rng.choice(ENDINGS).format(org=org),
    ]
    parts = [
        "# yaml-language-server: $schema=../../../schemas/inventory-entry.schema.json\n",
        f"date: {day}\n",
        f"branch: {rng.choice(BRANCHES)[0]}\n",
        _folded("description", sentences),
    ]
    if rng.random() < 0.9:
        parts.append(
            _folded("reflection", [rng.choice(REFLECTIONS).format(org=org) for _ in range(2)])
        )
    parts.append(f"reasons: [{', '.join(rng.sample(REASONS, rng.randint(1, 4)))}]\n")
    if placed and rng.random() < 0.75:
        category_id, row_id = rng.choice(placed)
        parts.append(f"category: {category_id}\nrow: {row_id}\n")
    if rng.random() < 0.7:
        parts.append(f"referred_to: [{rng.choice(actor_ids)}]\n")
    parts.append(
        f"outcome: {rng.choice(OUTCOMES)}\n"
        f"minutes: {rng.choice([5, 10, 15, 20, 30, 45, 55, 60, 90])}\n"
        f"read_level: {rng.randint(1, 6)}\n"
        f"recorded_by: {rng.choice(INITIALS)}\n"
        f"period: {period_id}\n"
    )
    return "".join(parts)


def _prepare(out: Path) -> None:
    if out.exists():
        if not out.is_dir():
            raise SystemExit(f"{out} exists and is not a folder")
        if (out / MARKER).is_file():
            shutil.rmtree(out)
        elif any(out.iterdir()):
            raise SystemExit(f"{out} is not empty and was not made by this generator; not touching")
    out.mkdir(parents=True, exist_ok=True)


def generate(
    out: Path, *, entries: int, rows: int = 50, seed: int = 1, today: date | None = None
) -> Path:
    """Write a guideline repository with `entries` inventory files and `rows` matrix rows."""
    if entries < 0 or rows < 1:
        raise ValueError("entries must be 0 or more and rows 1 or more")
    today = today or date.today()
    rng = random.Random(seed)
    _prepare(out)
    data = out / "data"
    inventory = data / "inventory"
    inventory.mkdir(parents=True)
    periods = _periods(today, years=max(1, entries // 20000 + 1))
    actor_text, actor_ids = _actors(today, min(rows, max(20, min(200, rows // 5))), rng)
    matrix_text, placed = _matrix(today, rows, actor_ids, rng)
    (data / "library.yaml").write_text(_library(today, periods), encoding="utf-8")
    (data / "actors.yaml").write_text(actor_text, encoding="utf-8")
    (data / "matrix.yaml").write_text(matrix_text, encoding="utf-8")
    made: set[Path] = set()
    for index in range(entries):
        period_id, start, end = periods[index % len(periods)]
        last = min(end, today)
        day = start + timedelta(days=rng.randint(0, (last - start).days))
        folder = inventory / str(day.year)
        if folder not in made:
            folder.mkdir(exist_ok=True)
            made.add(folder)
        # A bijection on 24 bits: unique, random-looking suffixes.
        suffix = f"{(index * 2654435761) % (1 << 24):06x}"
        topic = rng.choice(TOPICS)[0]
        text = _entry(rng, day, period_id, placed, actor_ids)
        (folder / f"{day}-{topic}-{suffix}.yaml").write_bytes(text.encode("utf-8"))
    marker = {
        "generator": GENERATOR_VERSION,
        "entries": entries,
        "rows": rows,
        "seed": seed,
        "today": today.isoformat(),
    }
    (out / MARKER).write_text(json.dumps(marker) + "\n", encoding="utf-8")
    return out


def read_marker(out: Path) -> dict[str, object] | None:
    """The parameters an earlier run wrote into `out`, or None."""
    try:
        value = json.loads((out / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the repository to")
    parser.add_argument("--entries", type=int, default=1000, help="inventory entries (files)")
    parser.add_argument("--rows", type=int, default=50, help="matrix rows")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    generate(args.out, entries=args.entries, rows=args.rows, seed=args.seed)
    elapsed = time.perf_counter() - started
    print(
        f"wrote {args.entries} entries and {args.rows} matrix rows to {args.out} "
        f"in {elapsed:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
