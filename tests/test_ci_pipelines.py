"""The pipelines `referral init --ci` writes are valid for their forge and do what they say.

Valid: each file passes the forge's published schema (bundled with check-jsonschema,
so no network). Runnable: the jobs' own shell commands run, in pipeline order, on a
guideline repository with two commits (the merge request's change on top of the
target branch), in a fresh clone per job as on a runner; the outputs are checked: the
review text, the handouts artifact, the published site and its index page. Only the
install steps are not run (the test's own referral stands in for the pinned one), and
the forges' own actions (checkout, upload) are checked by the paths they are given.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from referral_cli import __version__
from referral_cli.commands import render
from referral_cli.scaffold import CI_FILES, add_pipeline, ci_files, create_repository

BIN = Path(sys.executable).parent
CHECK_JSONSCHEMA = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which(
    "check-jsonschema"
)
SCHEMAS = {"gitlab": "vendor.gitlab-ci", "github": "vendor.github-workflows"}
PINNED = f"referral-cli[pdf]=={__version__}"

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        shutil.which("referral", path=str(BIN)) is None,
        reason="referral is not installed beside this Python (pip install -e .)",
    ),
]

OLD_PHONE, NEW_PHONE = "0771-778 778", "0771-778 779"
OLD_PHRASING = "Vi kan inte logga in åt dig, men vi visar var du får hjälp."
NEW_PHRASING = "Vi kan inte logga in åt dig, men vi visar gärna var du får hjälp."


# --------------------------------------------------------------------------- helpers


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
         "-c", "commit.gpgsign=false", *args],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip


def load(forge: str) -> dict[str, Any]:
    ((_, text),) = ci_files(forge).items()
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def runner_env(tmp: Path, variables: Mapping[str, str]) -> dict[str, str]:
    """A runner's environment: this test's referral first on PATH, no CI or referral
    variables of the machine the test runs on, then the pipeline's own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CI_", "GITLAB_", "GITHUB_", "RUNNER_", "REFERRAL_"))
    }
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["REFERRAL_CACHE_DIR"] = str(tmp / "cache")
    env.update({key: str(value) for key, value in variables.items()})
    return env


def run_shell(script: str, cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """As both forges run a step: bash, stopping at the first failing command."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd, env=dict(env), capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def fresh_clone(source: Path, target: Path) -> Path:
    """Every job starts from its own clone, as on a runner."""
    subprocess.run(["git", "clone", "-q", str(source), str(target)], check=True)
    return target


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """`init --ci gitlab` plus `ci setup github`, committed on main; then a merge
    request's branch changing an actor's phone and a row's phrasing (checked out)."""
    root = tmp_path_factory.mktemp("riktlinjer")
    create_repository(root, language="sv", ci="gitlab")
    add_pipeline(root, "github")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Första versionen")
    base = git(root, "rev-parse", "HEAD")
    git(root, "checkout", "-q", "-b", "nytt-telefonnummer")
    actors, matrix = root / "data/actors.yaml", root / "data/matrix.yaml"
    actors.write_text(actors.read_text(encoding="utf-8").replace(OLD_PHONE, NEW_PHONE), "utf-8")
    matrix.write_text(
        matrix.read_text(encoding="utf-8").replace(OLD_PHRASING, NEW_PHRASING), "utf-8"
    )
    git(root, "commit", "-q", "-am", "Nytt telefonnummer till Statens servicecenter")
    head = git(root, "rev-parse", "HEAD")
    return SimpleNamespace(root=root, base=base, head=head)


def check_review_text(text: str, repository: SimpleNamespace) -> None:
    assert text.startswith(f"# Ändringar i riktlinjerna: {repository.base[:7]} → ")
    for expected in ("Statens servicecenter", OLD_PHONE, NEW_PHONE, OLD_PHRASING, NEW_PHRASING):
        assert expected in text


# What `referral render` makes with no handout named, and the part meant for visitors.
ALL_HANDOUTS = render.DEFAULT_HANDOUTS
PUBLIC_HANDOUTS = tuple(name for name in ALL_HANDOUTS if name in render.PUBLIC_HANDOUTS)


def site_files(stems: tuple[str, ...]) -> list[str]:
    """The handouts' HTML and PDF, then the web pages (HTML only)."""
    printed = [
        f"{stem}.{ext}" for stem in stems if stem not in render.PAGES for ext in ("html", "pdf")
    ]
    return printed + [f"{stem}.html" for stem in stems if stem in render.PAGES]


def check_handouts(folder: Path, stems: tuple[str, ...] = ALL_HANDOUTS) -> None:
    assert sorted(p.name for p in folder.iterdir() if p.name != "index.html") == sorted(
        site_files(stems)
    )
    for stem in stems:
        if stem not in render.PAGES:
            assert (folder / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")
        assert "Mitt bibliotek" in (folder / f"{stem}.html").read_text(encoding="utf-8")


def check_site(public: Path, repository: SimpleNamespace, commit_url: str) -> None:
    """Public handouts only (the pipelines' default audience), and the index page."""
    check_handouts(public, PUBLIC_HANDOUTS)
    index = (public / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="referral-version" content="{repository.head}">' in index
    assert f'<a href="{commit_url}">{repository.head[:7]}</a>' in index
    linked = re.findall(r'<a href="([^"]+)">(?:HTML|PDF)</a>', index)
    assert linked == site_files(PUBLIC_HANDOUTS)
    assert "Hänvisningsguide för informationsdisken" not in index  # staff only


# --------------------------------------------------------------------------- schemas


@pytest.mark.skipif(CHECK_JSONSCHEMA is None, reason="check-jsonschema is not installed")
@pytest.mark.parametrize("forge", sorted(CI_FILES))
def test_the_pipeline_passes_the_forges_schema(forge: str, tmp_path: Path) -> None:
    create_repository(tmp_path, language="en", ci=forge)
    (path,) = ci_files(forge)
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", SCHEMAS[forge], str(tmp_path / path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(CHECK_JSONSCHEMA is None, reason="check-jsonschema is not installed")
@pytest.mark.parametrize(
    ("forge", "mistake", "fix"),
    [
        ("gitlab", "    expose_as: Handouts", "    expose_ass: Handouts"),
        ("gitlab", "    when: always", "    when: sometimes"),
        ("github", "    runs-on: ubuntu-latest", "    run-on: ubuntu-latest"),
        ("github", "      cancel-in-progress: false", "      cancel-in-progress: maybe"),
    ],
)
def test_the_schema_check_catches_a_broken_pipeline(
    forge: str, mistake: str, fix: str, tmp_path: Path
) -> None:
    ((path, text),) = ci_files(forge).items()
    assert mistake in text
    broken = tmp_path / path.name
    broken.write_text(text.replace(mistake, fix, 1), encoding="utf-8")
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", SCHEMAS[forge], str(broken)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout


@pytest.mark.parametrize("forge", sorted(CI_FILES))
def test_the_pipeline_installs_the_pinned_referral_and_needs_no_secret(forge: str) -> None:
    ((_, text),) = ci_files(forge).items()
    pipeline = load(forge)
    variables = pipeline["variables" if forge == "gitlab" else "env"]
    assert variables["REFERRAL_PACKAGE"] == PINNED
    assert variables["REFERRAL_AUDIENCE"] == "public"  # Pages may be readable by anyone
    assert "${" not in text.replace("${{", "").replace("${REFERRAL_NOTE_TOKEN:-}", "")
    assert "secrets." not in text


# --------------------------------------------------------------------------- GitLab


def gitlab_condition(expression: str, env: Mapping[str, str]) -> bool:
    """The few rules the pipeline uses: `$A == "x"`, `$A != $B`, joined by `&&`."""

    def value(operand: str) -> str:
        return env.get(operand[1:], "") if operand.startswith("$") else str(json.loads(operand))

    results = []
    for clause in expression.split("&&"):
        match = re.fullmatch(r"\s*(\S+)\s*(==|!=)\s*(\S+)\s*", clause)
        assert match, f"the test cannot read the rule {clause!r}"
        left, operator, right = match.groups()
        results.append((value(left) == value(right)) == (operator == "=="))
    return all(results)


def gitlab_rules_match(rules: list[dict[str, str]], env: Mapping[str, str]) -> bool:
    for rule in rules:
        if "if" not in rule or gitlab_condition(rule["if"], env):
            return rule.get("when", "on_success") != "never"
    return False


def gitlab_jobs(pipeline: dict[str, Any], env: Mapping[str, str]) -> list[str]:
    """The jobs a pipeline with these variables runs, in stage order."""
    if not gitlab_rules_match(pipeline["workflow"]["rules"], env):
        return []
    jobs = [
        name
        for name, job in pipeline.items()
        if isinstance(job, dict) and "script" in job and not name.startswith(".")
        if gitlab_rules_match(job.get("rules", [{}]), env)
    ]
    return sorted(jobs, key=lambda name: pipeline["stages"].index(pipeline[name]["stage"]))


GITLAB_PROJECT = "https://gitlab.example.org/bibliotek/riktlinjer"
GITLAB_MERGE_REQUEST = {"CI_PIPELINE_SOURCE": "merge_request_event", "CI_DEFAULT_BRANCH": "main"}
GITLAB_DEFAULT_BRANCH = {
    "CI_PIPELINE_SOURCE": "push",
    "CI_COMMIT_BRANCH": "main",
    "CI_DEFAULT_BRANCH": "main",
}
GITLAB_SCHEDULE = {**GITLAB_DEFAULT_BRANCH, "CI_PIPELINE_SOURCE": "schedule"}


@pytest.mark.parametrize(
    ("variables", "jobs"),
    [
        (GITLAB_MERGE_REQUEST, ["validate", "review-text", "handouts"]),
        (GITLAB_DEFAULT_BRANCH, ["validate", "pages"]),
        (GITLAB_SCHEDULE, ["review-due"]),
        ({**GITLAB_DEFAULT_BRANCH, "CI_COMMIT_BRANCH": "utkast"}, []),
    ],
)
def test_gitlab_runs_each_job_when_it_should(variables: dict[str, str], jobs: list[str]) -> None:
    assert gitlab_jobs(load("gitlab"), variables) == jobs


def run_gitlab_job(
    name: str, source: Path, workdir: Path, variables: Mapping[str, str]
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    pipeline = load("gitlab")
    job = pipeline[name]
    # Installing is the template's before_script; the test's referral stands in for it.
    template = pipeline[job["extends"]]
    assert 'python -m pip install --quiet "$REFERRAL_PACKAGE"' in template["before_script"]
    clone = fresh_clone(source, workdir / name)
    env = runner_env(
        workdir,
        {
            **pipeline["variables"],
            **job.get("variables", {}),
            **variables,
            "CI_PROJECT_DIR": str(clone),
        },
    )
    return clone, run_shell("\n".join(job["script"]), clone, env)


def test_gitlab_pipelines_run_on_a_merge_request_and_after_the_merge(
    repository: SimpleNamespace, tmp_path: Path
) -> None:
    pipeline = load("gitlab")
    merge_request = {
        **GITLAB_MERGE_REQUEST,
        "CI_MERGE_REQUEST_DIFF_BASE_SHA": repository.base,
        "CI_COMMIT_SHA": repository.head,
        "CI_COMMIT_SHORT_SHA": repository.head[:8],
    }
    outputs: dict[str, Path] = {}
    for job in gitlab_jobs(pipeline, merge_request):
        clone, result = run_gitlab_job(job, repository.root, tmp_path / "mr", merge_request)
        assert result.returncode == 0, f"{job}: {result.stdout}{result.stderr}"
        for artifact in pipeline[job].get("artifacts", {}).get("paths", []):
            outputs[artifact] = clone / artifact
        if job == "validate":
            assert "inga problem hittades" in result.stdout  # the library's language
    assert set(outputs) == {"review.md", "build/"}
    review = outputs["review.md"].read_text(encoding="utf-8")
    check_review_text(review, repository)
    assert review.startswith(
        f"# Ändringar i riktlinjerna: {repository.base[:7]} → {repository.head[:8]}"
    )
    check_handouts(outputs["build/"])

    after_merge = {
        **GITLAB_DEFAULT_BRANCH,
        "CI_PROJECT_URL": GITLAB_PROJECT,
        "CI_COMMIT_SHA": repository.head,
    }
    for job in gitlab_jobs(pipeline, after_merge):
        clone, result = run_gitlab_job(job, repository.root, tmp_path / "main", after_merge)
        assert result.returncode == 0, f"{job}: {result.stdout}{result.stderr}"
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    check_site(clone / "public", repository, f"{GITLAB_PROJECT}/-/commit/{repository.head}")


OLDEST_FIRST = "sort=asc&order_by=created_at&per_page=100"


class NotesApi(http.server.BaseHTTPRequestHandler):
    """GitLab's merge-request notes API, as far as the pipeline uses it."""

    notes: list[dict[str, Any]]
    calls: list[tuple[str, str, str | None, dict[str, Any] | None]]

    def _answer(self, payload: object) -> None:
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _record(self) -> dict[str, Any] | None:
        length = int(self.headers.get("Content-Length") or 0)
        data = json.loads(self.rfile.read(length)) if length else None
        self.calls.append((self.command, self.path, self.headers.get("PRIVATE-TOKEN"), data))
        return data

    def do_GET(self) -> None:
        self._record()
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        size = int(query.get("per_page", ["20"])[0])  # GitLab's own default page size
        start = (int(query.get("page", ["1"])[0]) - 1) * size
        self._answer(self.notes[start : start + size])

    def do_POST(self) -> None:
        data = self._record() or {}
        self.notes.append({"id": 1000 + len(self.notes), "body": data["body"]})
        self._answer(self.notes[-1])

    def do_PUT(self) -> None:
        data = self._record() or {}
        (note,) = [n for n in self.notes if self.path.endswith(f"/{n['id']}")]
        note["body"] = data["body"]
        self._answer(note)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def notes_api() -> Iterator[tuple[str, type[NotesApi]]]:
    handler = type("Api", (NotesApi,), {"notes": [], "calls": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v4", handler
    finally:
        server.shutdown()
        server.server_close()


def push_twice(repository: SimpleNamespace, tmp_path: Path, url: str) -> None:
    """The review-text job on two pushes to one merge request, with a note token."""
    variables = {
        **GITLAB_MERGE_REQUEST,
        "CI_MERGE_REQUEST_DIFF_BASE_SHA": repository.base,
        "CI_COMMIT_SHORT_SHA": repository.head[:8],
        "CI_API_V4_URL": url,
        "CI_PROJECT_ID": "17",
        "CI_MERGE_REQUEST_IID": "3",
        "REFERRAL_NOTE_TOKEN": "glpat-test",
        "NO_PROXY": "127.0.0.1",  # a proxy of the machine must not take the test's requests
        "no_proxy": "127.0.0.1",
    }
    for push in ("first", "second"):
        _, result = run_gitlab_job("review-text", repository.root, tmp_path / push, variables)
        assert result.returncode == 0, result.stdout + result.stderr


def test_gitlab_posts_the_review_text_once_and_then_updates_it(
    repository: SimpleNamespace, tmp_path: Path, notes_api: tuple[str, type[NotesApi]]
) -> None:
    url, api = notes_api
    push_twice(repository, tmp_path, url)
    notes = "/api/v4/projects/17/merge_requests/3/notes"
    assert [(method, path, token) for method, path, token, _ in api.calls] == [
        ("GET", f"{notes}?{OLDEST_FIRST}&page=1", "glpat-test"),
        ("POST", notes, "glpat-test"),
        ("GET", f"{notes}?{OLDEST_FIRST}&page=1", "glpat-test"),
        ("PUT", f"{notes}/1000", "glpat-test"),
    ]
    (note,) = api.notes
    assert note["body"].startswith("<!-- referral review text -->\n# Ändringar i riktlinjerna")
    check_review_text(note["body"].split("\n", 1)[1], repository)


def test_gitlab_finds_its_note_behind_a_long_discussion(
    repository: SimpleNamespace, tmp_path: Path, notes_api: tuple[str, type[NotesApi]]
) -> None:
    url, api = notes_api
    api.notes.extend({"id": number, "body": f"comment {number}"} for number in range(1, 151))
    push_twice(repository, tmp_path, url)
    # 151 notes (ours the newest) fill two pages of 100: the second push reads both and
    # updates ours instead of adding a second review text
    ours = [note for note in api.notes if note["body"].startswith("<!-- referral review text")]
    assert [note["id"] for note in ours] == [1150]
    assert [call[0] for call in api.calls] == ["GET", "GET", "POST", "GET", "GET", "PUT"]


def test_gitlab_posts_no_note_without_a_token(
    repository: SimpleNamespace, tmp_path: Path, notes_api: tuple[str, type[NotesApi]]
) -> None:
    url, api = notes_api
    variables = {
        **GITLAB_MERGE_REQUEST,
        "CI_MERGE_REQUEST_DIFF_BASE_SHA": repository.base,
        "CI_COMMIT_SHORT_SHA": repository.head[:8],
        "CI_API_V4_URL": url,
    }
    _, result = run_gitlab_job("review-text", repository.root, tmp_path, variables)
    assert result.returncode == 0, result.stderr
    assert api.calls == []


# --------------------------------------------------------------------------- GitHub


def github_value(expression: str, context: Mapping[str, Any]) -> Any:
    """The expressions the workflow uses: properties, ==, && and ||."""
    text = expression.replace("&&", " and ").replace("||", " or ")
    return eval(text, {"__builtins__": {}}, dict(context))  # our own file, known expressions


def github_interpolate(text: str, context: Mapping[str, Any]) -> str:
    return re.sub(r"\$\{\{\s*(.+?)\s*\}\}", lambda m: str(github_value(m.group(1), context)), text)


def github_context(event_name: str, ref_name: str, **event: Any) -> dict[str, Any]:
    return {
        "github": SimpleNamespace(
            event_name=event_name,
            ref_name=ref_name,
            server_url="https://github.com",
            repository="bibliotek/riktlinjer",
            sha=event.pop("sha", "0" * 40),
            event=SimpleNamespace(
                repository=SimpleNamespace(default_branch="main"),
                **{k: SimpleNamespace(**v) if isinstance(v, dict) else v for k, v in event.items()},
            ),
        )
    }


def github_jobs(workflow: dict[str, Any], context: Mapping[str, Any]) -> list[str]:
    return [name for name, job in workflow["jobs"].items() if github_value(job["if"], context)]


@pytest.mark.parametrize(
    ("event", "ref", "jobs"),
    [
        ("pull_request", "3/merge", ["review"]),
        ("push", "main", ["publish"]),
        ("workflow_dispatch", "main", ["publish"]),
        ("push", "utkast", []),
        ("schedule", "main", ["review-due"]),
    ],
)
def test_github_runs_each_job_when_it_should(event: str, ref: str, jobs: list[str]) -> None:
    assert github_jobs(load("github"), github_context(event, ref)) == jobs


def test_github_workflow_runs_no_expression_in_a_shell() -> None:
    """Values reach scripts as environment variables only: no injection through a
    branch name or a title, and the test can run the scripts as they are."""
    scripts = [
        step["run"]
        for job in load("github")["jobs"].values()
        for step in job["steps"]
        if "run" in step
    ]
    assert len(scripts) >= 5  # the check would pass on a workflow with no script at all
    assert all("${{" not in script for script in scripts)
    # ...while the values they need arrive through `env:`
    assert any(
        "${{" in str(step.get("env", {}))
        for job in load("github")["jobs"].values()
        for step in job["steps"]
    )


def run_github_job(
    name: str,
    source: Path,
    workdir: Path,
    context: Mapping[str, Any],
) -> SimpleNamespace:
    """Every `run` step but the install, in order; the actions' inputs collected."""
    workflow = load("github")
    clone = fresh_clone(source, workdir / name)
    summary, temp = workdir / f"{name}-summary.md", workdir / f"{name}-temp"
    temp.mkdir()
    uploads: dict[str, list[str]] = {}
    outputs: list[str] = []
    for step in workflow["jobs"][name]["steps"]:
        if "uses" in step:
            action = step["uses"].split("@")[0]
            path = step.get("with", {}).get("path")
            if path:
                uploads[action] = path.split()
            continue
        if step.get("id") == "install":
            assert 'python -m pip install --quiet "$REFERRAL_PACKAGE"' in step["run"]
            continue
        assert step.get("if") in (None, "${{ !cancelled() }}")
        env = runner_env(
            workdir,
            {
                **workflow["env"],
                **{k: github_interpolate(v, context) for k, v in step.get("env", {}).items()},
                "GITHUB_STEP_SUMMARY": str(summary),
                "RUNNER_TEMP": str(temp),
                "GITHUB_WORKSPACE": str(clone),
            },
        )
        result = run_shell(step["run"], clone, env)
        assert result.returncode == 0, f"{step.get('name')}: {result.stdout}{result.stderr}"
        outputs.append(result.stdout)
    return SimpleNamespace(clone=clone, summary=summary, temp=temp, uploads=uploads, out=outputs)


def test_github_workflow_runs_on_a_pull_request_and_after_the_merge(
    repository: SimpleNamespace, tmp_path: Path
) -> None:
    workflow = load("github")
    pull_request = github_context(
        "pull_request", "3/merge", pull_request={"base": SimpleNamespace(sha=repository.base)}
    )
    (job,) = github_jobs(workflow, pull_request)
    review = run_github_job(job, repository.root, tmp_path / "pr", pull_request)
    assert f"::add-matcher::{review.temp}/referral-matcher.json" in review.out[0]
    summary = review.summary.read_text(encoding="utf-8")
    check_review_text(summary, repository)
    assert review.uploads == {"actions/upload-artifact": ["build/", "review.md"]}
    assert (review.clone / "review.md").read_text(encoding="utf-8") == summary
    check_handouts(review.clone / "build")

    push = github_context("push", "main", sha=repository.head)
    (job,) = github_jobs(workflow, push)
    publish = run_github_job(job, repository.root, tmp_path / "main", push)
    assert publish.uploads == {"actions/upload-pages-artifact": ["public"]}
    commit_url = f"https://github.com/bibliotek/riktlinjer/commit/{repository.head}"
    check_site(publish.clone / "public", repository, commit_url)


def test_github_marks_findings_on_their_lines(repository: SimpleNamespace, tmp_path: Path) -> None:
    """The problem matcher the workflow registers reads referral's located findings."""
    workflow = load("github")
    (validate,) = [s for s in workflow["jobs"]["review"]["steps"] if s.get("name") == "Validate"]
    clone = fresh_clone(repository.root, tmp_path / "broken")
    actors = clone / "data/actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("kind: bank", "kind: bnak"), "utf-8"
    )
    env = runner_env(tmp_path, {**workflow["env"], "RUNNER_TEMP": str(tmp_path)})
    result = run_shell(validate["run"], clone, env)
    assert result.returncode == 1
    matcher = json.loads((tmp_path / "referral-matcher.json").read_text(encoding="utf-8"))
    (pattern,) = matcher["problemMatcher"][0]["pattern"]
    marks = [
        {key: match.group(pattern[key]) for key in ("file", "line", "column", "severity")}
        | {"message": match.group(pattern["message"]), "code": match.group(pattern["code"])}
        for line in result.stdout.splitlines()
        if (match := re.match(pattern["regexp"], line))
    ]
    line = 1 + actors.read_text(encoding="utf-8").splitlines().index("    kind: bnak")
    assert marks == [
        {
            "file": "data/actors.yaml",
            "line": str(line),
            "column": "11",
            "severity": "error",
            "message": "kind: 'bnak' är inte tillåtet (menade du 'bank'?)",
            "code": "invalid-choice",
        }
    ]


# --------------------------------------------------------------------------- both


@pytest.mark.parametrize(("reviewed", "exit_code"), [(date.today(), 0), (date(2020, 1, 15), 1)])
@pytest.mark.parametrize("forge", sorted(CI_FILES))
def test_the_weekly_job_fails_when_a_review_is_overdue(
    forge: str, reviewed: date, exit_code: int, tmp_path: Path
) -> None:
    root = tmp_path / "repo"
    create_repository(root, language="en", today=reviewed)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    pipeline = load(forge)
    if forge == "gitlab":
        (job,) = gitlab_jobs(pipeline, GITLAB_SCHEDULE)
        script, variables = "\n".join(pipeline[job]["script"]), pipeline["variables"]
    else:
        (job,) = github_jobs(pipeline, github_context("schedule", "main"))
        (step,) = [
            s for s in pipeline["jobs"][job]["steps"] if "run" in s and s.get("id") != "install"
        ]
        script, variables = step["run"], pipeline["env"]
    result = run_shell(script, root, runner_env(tmp_path, variables))
    assert result.returncode == exit_code, result.stdout + result.stderr
