"""Everything a contributor can do, one session each. `nox -l` lists them.

Run it as `python3 noxfile.py [nox arguments]` on a machine that has only Python: the block at
the bottom installs nox and uv into `.nox/.bootstrap` first. Every session installs from a
committed lock (`pylock.<group>.toml`), so a tool's examples run against the same releases
everywhere, and the orchestrators never share an environment (their pins conflict).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent
BOOTSTRAP = ["nox==2026.10.20", "uv==0.13.9"]


def _bootstrap_and_rerun() -> None:
    """Install nox and uv into a private venv, then re-run this file with its Python."""
    import subprocess
    import venv

    home = ROOT / ".nox" / ".bootstrap"
    python = home / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        print(f"nox is not installed: installing {' '.join(BOOTSTRAP)} into {home}", flush=True)
        venv.create(home, with_pip=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", *BOOTSTRAP], check=True)
    # uv must be on PATH for nox's uv backend; the bootstrap venv's bin holds it.
    os.environ["PATH"] = f"{python.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    os.execv(python, [str(python), __file__, *sys.argv[1:]])


try:
    import nox
except ImportError:
    if __name__ == "__main__":
        _bootstrap_and_rerun()
    raise

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv"
nox.options.reuse_venv = "yes"  # `uv pip sync` below keeps a reused venv equal to its lock
nox.options.error_on_missing_interpreters = True

TOOLS = sorted(p.name for p in (ROOT / "examples").iterdir() if p.is_dir())
"""One examples-<tool> session per folder under examples/: adding a folder adds a session."""

LOCKED_GROUPS = ["docs", "tests", "zensical", "browser", *TOOLS]
DOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}  # we pin mkdocs<2 and say why in pyproject.toml
LOCK_PYTHON = "3.11.5"  # the oldest Python we support (pymdown-extensions 13 needs 3.11.5)


def lock_path(group: str) -> Path:
    return ROOT / f"pylock.{group}.toml"


def install_locked(session: nox.Session, group: str) -> None:
    """Make the session's venv exactly match a group's lock, or say how to make the lock."""
    lock = lock_path(group)
    if not lock.exists():
        session.error(
            f"{lock.name} is missing, so the '{group}' environment cannot be installed. "
            f"Create it with: nox -s lock -- {group}"
        )
    session.run_install(
        "uv", "pip", "sync", "--quiet", "--python", session.virtualenv.location, lock.name,
        external=True,
    )  # fmt: skip


def compile_lock(session: nox.Session, group: str, *extra: str) -> None:
    """Resolve one dependency group of pyproject.toml into its pylock file."""
    try:
        session.run(
            "uv", "pip", "compile", "pyproject.toml", "--quiet", "--group", group,
            "--universal", "--python-version", LOCK_PYTHON,
            "--format", "pylock.toml", "--output-file", lock_path(group).name, *extra,
            external=True,
        )  # fmt: skip
    except nox.command.CommandFailed:
        session.error(
            f"The '{group}' dependencies do not resolve (see uv's message above). "
            f"Edit the '{group}' group in pyproject.toml, then run: nox -s lock -- {group}"
        )


@nox.session(default=False)
def docs(session: nox.Session) -> None:
    """Preview the site at http://127.0.0.1:8000, rebuilding on every change."""
    install_locked(session, "docs")
    # --livereload: with some click releases, live reload is off unless asked for explicitly.
    session.run(
        "mkdocs", "serve", "--livereload", "--dev-addr", "127.0.0.1:8000", *session.posargs, env=DOCS_ENV
    )  # fmt: skip


@nox.session
def build(session: nox.Session) -> None:
    """Build the site into site/ with `mkdocs build --strict` (any warning fails)."""
    install_locked(session, "docs")
    session.run("mkdocs", "build", "--strict", *session.posargs, env=DOCS_ENV)


@nox.session
def tests(session: nox.Session) -> None:
    """Test the build hooks, the comparison data, and that pages and examples agree."""
    install_locked(session, "tests")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    workflows = sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / ".github" / "workflows").glob("*.yml")
    )
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        session.run("check-jsonschema", "--builtin-schema", schema, *workflows)
    session.run(
        "check-jsonschema", "--builtin-schema", "vendor.dependabot", ".github/dependabot.yml"
    )
    # The examples and the browser have sessions of their own (examples-<tool>, browser).
    session.run(
        "pytest", "tests", "--ignore=tests/examples", "--ignore=tests/browser", *session.posargs
    )


def _examples_session(slug: str):
    def run_examples(session: nox.Session) -> None:
        install_locked(session, slug)
        if slug == "tekton":  # its linter comes from npm, locked in package-lock.json
            session.run(
                "npm",
                "ci",
                "--prefer-offline",
                "--no-audit",
                "--no-fund",
                "--silent",
                external=True,
            )
        session.run("pytest", f"tests/examples/test_{slug}.py", *session.posargs)

    run_examples.__doc__ = (
        f"Run every example under examples/{slug}/ against its locked release "
        f"(-- --update-examples rewrites their #> output)."
    )
    return run_examples


for _slug in TOOLS:
    nox.session(name=f"examples-{_slug}", tags=["examples"])(_examples_session(_slug))


@nox.session(default=False)
def lock(session: nox.Session) -> None:
    """Re-resolve the locks from pyproject.toml: all of them, or those named (-- prefect docs)."""
    unknown = sorted(set(session.posargs) - set(LOCKED_GROUPS))
    if unknown:
        session.error(f"No such group: {', '.join(unknown)}. Groups: {', '.join(LOCKED_GROUPS)}")
    for group in session.posargs or LOCKED_GROUPS:
        compile_lock(session, group, "--upgrade")


@nox.session(name="new-tool", default=False)
def new_tool(session: nox.Session) -> None:
    """Scaffold a draft tool: page, examples, test, data, nav, group, lock (-- "Name" [--package pkg])."""
    if not session.posargs:
        session.error('Name the tool: nox -s new-tool -- "Tool Name" [--package pypi-name]')
    install_locked(session, "tests")
    env = {"PYTHONPATH": str(ROOT / "overrides" / "hooks")}
    slug = session.run(
        "python", "-m", "fieldguide.scaffold", *session.posargs, env=env, silent=True
    )
    slug = slug.strip().splitlines()[-1]
    compile_lock(session, slug)
    session.log(
        f"Scaffolded '{slug}'. Next: nox -s build examples-{slug}, then finish docs/tools/{slug}.md"
    )


def _group_requirements(group: str) -> list[str]:
    """The names a dependency group asks for directly (not the groups it includes)."""
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    return [re.match(r"[A-Za-z0-9._-]+", r).group(0) for r in groups[group] if isinstance(r, str)]


def _locked_versions(lock: Path) -> dict[str, str]:
    packages = tomllib.loads(lock.read_text()).get("packages", []) if lock.exists() else []
    return {_canonical(p["name"]): p["version"] for p in packages}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _install_newest(
    session: nox.Session, slug: str
) -> tuple[Path, list[tuple[str, str, str]], str]:
    """A throwaway venv with the group's newest releases: (its python, (package, locked, newest)
    for the group's own requirements, the install error or "")."""
    venv = ROOT / ".nox" / f"upgrade-{slug}"
    session.run("uv", "venv", "--quiet", "--clear", str(venv), external=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        ["uv", "pip", "install", "--quiet", "--python", str(python), "--group", slug],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    listed = subprocess.run(
        ["uv", "pip", "list", "--python", str(python), "--format", "json"],
        capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    newest = {_canonical(p["name"]): p["version"] for p in json.loads(listed or "[]")}
    locked = _locked_versions(lock_path(slug))
    packages = [
        (n, locked.get(n, "?"), newest.get(n, "?"))
        for n in map(_canonical, _group_requirements(slug))
    ]
    error = install.stderr.strip().splitlines()[-1][:100] if install.returncode else ""
    return python, packages, error


def _install_newest_tekton_lint() -> tuple[tuple[str, str, str], Path]:
    """The linter's newest npm release beside the locked one: its row, and its executable."""
    name, prefix = "@ibm/tekton-lint", ROOT / ".nox" / "upgrade-tekton-npm"
    npm = ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prefix)]
    subprocess.run([*npm, f"{name}@latest"], check=False)
    manifest = prefix / "node_modules" / name / "package.json"
    newest = json.loads(manifest.read_text())["version"] if manifest.exists() else "?"
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"][
        f"node_modules/{name}"
    ]["version"]
    return (name, locked, newest), prefix / "node_modules" / ".bin" / "tekton-lint"


def _run_examples(python: Path, slug: str, env: dict[str, str]) -> str:
    """'passed', or the first failure pytest reports."""
    run = subprocess.run(
        [str(python), "-m", "pytest", f"tests/examples/test_{slug}.py", "-q", "-p", "no:cacheprovider", "-rfE"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode == 0:
        return "passed"
    failures = [ln for ln in run.stdout.splitlines() if ln.startswith(("FAILED", "ERROR"))]
    return failures[0][:120] if failures else f"pytest exit {run.returncode}"


@nox.session(name="upgrade-check", default=False)
def upgrade_check(session: nox.Session) -> None:
    """Run every tool's examples against the newest releases, locks untouched; print a table."""
    rows = []
    for slug in session.posargs or TOOLS:
        python, packages, install_error = _install_newest(session, slug)
        env = {**os.environ, "VIRTUAL_ENV": str(python.parent.parent)}
        env["PATH"] = f"{python.parent}{os.pathsep}{env['PATH']}"
        if slug == "tekton":  # its linter comes from npm: try the newest release of that too
            row, linter = _install_newest_tekton_lint()
            packages.append(row)
            env["TEKTON_LINT"] = str(linter)
        outcome = (
            f"does not install: {install_error}"
            if install_error
            else _run_examples(python, slug, env)
        )
        rows += [(slug, name, locked, newest, outcome) for name, locked, newest in packages]
    table = ["| tool | package | locked | newest installable | examples |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    print("\n".join(table))
    if any(row[4] != "passed" for row in rows):
        session.error("some examples fail on the newest releases: see the table above")


@nox.session(name="build-zensical", default=False)
def build_zensical(session: nox.Session) -> None:
    """Informational: build with Zensical too and list how its pages differ from MkDocs' build."""
    install_locked(session, "zensical")
    session.run("mkdocs", "build", "--strict", "--quiet", env=DOCS_ENV)
    config = ROOT / ".zensical.yml"  # same configuration, other output folder
    config.write_text((ROOT / "mkdocs.yml").read_text() + "\nsite_dir: site-zensical\n")
    try:
        session.run(
            "zensical", "build", "--clean", "--config-file", config.name, success_codes=range(256)
        )
    finally:
        config.unlink()
    mkdocs_pages = {
        p.relative_to(ROOT / "site").as_posix() for p in (ROOT / "site").rglob("*.html")
    }
    zensical_dir = ROOT / "site-zensical"
    zensical_pages = {p.relative_to(zensical_dir).as_posix() for p in zensical_dir.rglob("*.html")}
    report = [f"MkDocs built {len(mkdocs_pages)} pages, Zensical {len(zensical_pages)}."]
    report += [f"  only in MkDocs' build: {p}" for p in sorted(mkdocs_pages - zensical_pages)]
    report += [f"  only in Zensical's build: {p}" for p in sorted(zensical_pages - mkdocs_pages)]
    for page in sorted(mkdocs_pages & zensical_pages):
        text = (zensical_dir / page).read_text(encoding="utf-8", errors="replace")
        if "<!-- guide:" in text:
            report.append(
                f"  {page}: generated blocks not rendered (Zensical did not run the hooks)"
            )
        if "::: fieldguide" in text:
            report.append(f"  {page}: mkdocstrings block not rendered")
    print("\n".join(report))


@nox.session(default=False)
def browser(session: nox.Session) -> None:
    """Check the built site in headless Chromium (Debian's chromium, chromium-driver); screenshots."""
    install_locked(session, "browser")
    session.run("mkdocs", "build", "--strict", "--quiet", env=DOCS_ENV)
    session.run("pytest", "tests/browser", *session.posargs)


if __name__ == "__main__":
    nox.main()
