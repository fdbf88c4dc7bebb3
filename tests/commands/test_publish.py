from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.publish import (
    PublishOptions,
    Section,
    SiteVersion,
    check_options,
    document_title,
    documents_for,
    format_index,
    publish,
    site_version,
)
from referral_cli.commands.render import HANDOUTS, PRINTED_HANDOUTS, PUBLIC_HANDOUTS
from referral_cli.errors import UsageError
from referral_cli.i18n import phrase
from referral_cli.scaffold import create_repository

TODAY = date(2026, 11, 30)
HANDOUT_FILES = {"desk-guide.html": b"<p>", "desk-guide.pdf": b"%PDF", "guidelines.html": b"<p>"}


def index(version: SiteVersion, link: str | None = None, lang: str = "sv") -> str:
    section = Section(phrase("publish.section.handouts"), HANDOUT_FILES, {"guidelines"})
    return format_index('Bibliotek <&> "Ett"', [section], version, lang, link=link, today=TODAY)


def test_the_index_lists_each_document_with_its_files_and_audience() -> None:
    page = index(SiteVersion("abc1234", "abc1234" + "0" * 33, "2026-11-28"))
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", page)
    assert rows == [
        (
            "Hänvisningsguide för informationsdisken",
            "Personalen",
            '<a href="desk-guide.html">HTML</a> · <a href="desk-guide.pdf">PDF</a>',
        ),
        (
            "Riktlinjer för hänvisning",
            "Besökare och personal",
            '<a href="guidelines.html">HTML</a>',
        ),
    ]
    assert "<h2>Utskrifter</h2>" in page
    assert '<html lang="sv">' in page


def test_the_index_names_the_version_its_date_and_links_the_commit() -> None:
    commit = "abc1234" + "0" * 33
    page = index(
        SiteVersion("abc1234", commit, "2026-11-28"), link="https://forge.example/c?a=1&b=2"
    )
    assert (
        f'<p class="version">Version <span title="{commit}"><a href="https://forge.example/c?a=1&amp;b=2">'
        "abc1234</a></span> från 2026-11-28, publicerad 2026-11-30.</p>"
    ) in page
    assert f'<meta name="referral-version" content="{commit}">' in page


def test_the_index_without_git_says_the_version_is_unknown() -> None:
    page = index(SiteVersion("unknown"), lang="en")
    assert '<p class="version">Version unknown, published 2026-11-30.</p>' in page
    assert '<meta name="referral-version" content="unknown">' in page


def test_the_index_escapes_the_library_name() -> None:
    page = index(SiteVersion("abc1234"))
    assert (
        "<title>Riktlinjer för hänvisning – Bibliotek &lt;&amp;&gt; &quot;Ett&quot;</title>" in page
    )
    assert "<&>" not in page


def test_every_handout_has_a_title_and_an_unknown_document_its_name() -> None:
    for handout in HANDOUTS:
        assert document_title(handout, "en") != handout
    assert document_title("protokoll", "en") == "protokoll"


@pytest.mark.parametrize(
    ("audience", "expected"),
    [("staff", HANDOUTS), ("public", tuple(h for h in HANDOUTS if h in PUBLIC_HANDOUTS))],
)
def test_documents_for_an_audience(audience: str, expected: tuple[str, ...]) -> None:
    assert documents_for(audience, HANDOUTS, PUBLIC_HANDOUTS) == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            PublishOptions(audience="publik"),
            "--audience: unknown audience 'publik' (did you mean 'public'?): choose staff "
            "(every handout) or public (only those for visitors)",
        ),
        (PublishOptions(language="de"), "--lang: unknown language 'de'; choose sv or en"),
        (
            PublishOptions(link="javascript:alert(1)"),
            "--link: 'javascript:alert(1)' is not a web address (https://…)",
        ),
    ],
)
def test_bad_options_are_refused(options: PublishOptions, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        check_options(options)
    assert str(caught.value) == message


def test_publish_writes_the_files_and_the_index(tmp_path: Path) -> None:
    create_repository(tmp_path / "repo", language="en")
    section = Section(phrase("publish.section.handouts"), HANDOUT_FILES)
    written = publish(tmp_path / "repo", tmp_path / "site", [section], PublishOptions(today=TODAY))
    assert [p.name for p in written] == [*HANDOUT_FILES, "index.html"]
    page = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "<title>Referral guidelines – My library</title>" in page
    assert "Version unknown, published 2026-11-30." in page  # not a git repository


def test_a_section_cannot_bring_its_own_index(tmp_path: Path) -> None:
    create_repository(tmp_path, language="en")
    section = Section(phrase("publish.section.handouts"), {"index.html": b""})
    with pytest.raises(ValueError, match="index.html"):
        publish(tmp_path, tmp_path / "site", [section], PublishOptions())


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_site_version_is_the_commit_the_handouts_print(tmp_path: Path) -> None:
    create_repository(tmp_path, language="sv")
    assert site_version(tmp_path, "sv") == SiteVersion("okänd")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "start"]):
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", *args],
            cwd=tmp_path, check=True,
        )  # fmt: skip
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%H %cs"], cwd=tmp_path, capture_output=True, text=True
    ).stdout.split()
    assert site_version(tmp_path, "sv") == SiteVersion(commit[0][:7], commit[0], commit[1])
    (tmp_path / "data/library.yaml").write_text("name: Ändrat\n", encoding="utf-8")
    assert site_version(tmp_path, "sv").text == f"{commit[0][:7]}+ändringar"


def test_ci_publish_on_the_command_line(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    create_repository(tmp_path / "repo", language="en")
    runner = CliRunner()
    args = ["ci", "publish", "--root", str(tmp_path / "repo"), "--out", str(tmp_path / "site")]
    result = runner.invoke(app, [*args, "--audience", "public", "--lang", "sv"])
    assert result.exit_code == 0, result.output
    names = [Path(line).name for line in result.output.splitlines()]
    assert names == [
        *(
            f"{h}.{ext}"
            for h in PRINTED_HANDOUTS
            if h in PUBLIC_HANDOUTS
            for ext in ("html", "pdf")
        ),
        "public-page.html",
        "index.html",
    ]
    page = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in page and "Besökare och personal" in page
    assert "Personalen" not in page
    wrong = runner.invoke(app, [*args, "--link", "forge.example/x"])
    assert wrong.exit_code == 2
    assert "--link: 'forge.example/x' is not a web address" in wrong.output


def test_a_public_site_is_refused_where_staff_documents_were_published(tmp_path: Path) -> None:
    """Publishing for the public onto a folder (a file share) that an earlier staff
    publish filled would leave the desk guide readable there, unlisted."""
    create_repository(tmp_path / "repo", language="en")
    site = tmp_path / "site"
    section = Section(phrase("publish.section.handouts"), HANDOUT_FILES, {"guidelines"})
    publish(tmp_path / "repo", site, [section], PublishOptions(today=TODAY))
    before = {p.name: p.read_bytes() for p in site.iterdir()}
    public = Section(
        phrase("publish.section.handouts"), {"guidelines.html": b"<p>"}, {"guidelines"}
    )
    with pytest.raises(UsageError) as caught:
        publish(tmp_path / "repo", site, [public], PublishOptions("public", today=TODAY))
    assert str(caught.value) == (
        f"--audience public: {site} still holds documents for staff only (desk-guide.html, "
        "desk-guide.pdf), published there earlier; anyone who can read the folder can open "
        "them. Remove them, or choose an empty folder."
    )
    assert {p.name: p.read_bytes() for p in site.iterdir()} == before  # nothing written
    for name in ("desk-guide.html", "desk-guide.pdf"):
        (site / name).unlink()
    publish(tmp_path / "repo", site, [public], PublishOptions("public", today=TODAY))
    assert sorted(p.name for p in site.iterdir()) == ["guidelines.html", "index.html"]
