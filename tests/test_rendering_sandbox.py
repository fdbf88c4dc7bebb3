"""A repository's templates may read only regular files inside its own templates/ folder.

Regression tests for issue 15, item 1: links in templates/ escaped the sandbox and put
the process environment, /etc/passwd or internal data fields into a rendered handout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.i18n import phrase
from referral_cli.rendering import TemplateProblem, build_environment, render_template

# The English wording; the language rule is tested in tests/cli/test_errors.py.
pytestmark = pytest.mark.usefixtures("english")

runner = CliRunner()
REFUSED = "the template is a link that leads outside the templates folder"


def _render(repo: Path, out: Path) -> tuple[int, str]:
    result = runner.invoke(
        app, ["render", "actors-public", "--format", "md", "--root", str(repo), "--out", str(out)]
    )
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("link", "target", "include"),
    [
        ("self", "/proc/self", "self/environ"),
        ("pw.txt", "/etc/passwd", "pw.txt"),
        ("d", "../data", "d/actors.yaml"),
        ("zero.txt", "/dev/zero", "zero.txt"),
    ],
)
def test_an_include_through_a_link_out_of_templates_is_a_located_error(
    make_repo: Callable[..., Path], tmp_path: Path, link: str, target: str, include: str
) -> None:
    if target.startswith("/") and not Path(target).exists():
        pytest.skip(f"{target} does not exist on this system")
    repo = make_repo({"templates/actors-public.md.j2": f'{{% include "{include}" %}}\n'})
    (repo / "templates" / link).symlink_to(target)
    code, output = _render(repo, tmp_path / "out")
    assert code == 1
    assert f"templates/{include}:1:1: error: template error: {REFUSED}" in output
    assert "root:" not in output and "PATH=" not in output and "relationship" not in output
    assert not (tmp_path / "out").exists()


def test_a_handout_template_that_is_itself_a_link_out_is_refused(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    repo = make_repo()
    (repo / "templates").mkdir()
    (repo / "templates" / "actors-public.md.j2").symlink_to("/etc/passwd")
    code, output = _render(repo, tmp_path / "out")
    assert code == 1
    assert f"templates/actors-public.md.j2:1:1: error: template error: {REFUSED}" in output


def test_a_link_that_stays_inside_templates_is_read(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    repo = make_repo({"templates/parts/title.txt": "Vår egen rubrik\n"})
    (repo / "templates" / "actors-public.md.j2").write_text(
        '{% include "title-link.txt" %}\n', encoding="utf-8"
    )
    (repo / "templates" / "title-link.txt").symlink_to("parts/title.txt")
    code, output = _render(repo, tmp_path / "out")
    assert code == 0, output
    assert (
        (tmp_path / "out" / "actors-public.md")
        .read_text(encoding="utf-8")
        .startswith("Vår egen rubrik")
    )


def test_the_loader_refuses_before_reading(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "t.j2").symlink_to("/dev/zero")  # reading it would never end
    env = build_environment("text", [folder])
    with pytest.raises(TemplateProblem) as caught:
        render_template(env, "t.j2", {})
    assert caught.value.reason == phrase("render.template-link")
    assert caught.value.path == folder / "t.j2"
