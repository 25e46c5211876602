"""Everything a contributor can do, one session each. `nox -l` lists them.

Run it as `python3 noxfile.py [nox arguments]` on a machine that has only Python: the block at
the bottom installs nox and uv into `.nox/.bootstrap` first. Every session installs from a
committed lock (`pylock.<group>.toml`), so a tool's examples run against the same releases
everywhere, and the orchestrators never share an environment (their pins conflict).
"""

from __future__ import annotations

import os
import sys
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

LOCKED_GROUPS = ["docs", "tests", *TOOLS]
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
    session.run("pytest", "tests", "--ignore=tests/examples", *session.posargs)


def _examples_session(slug: str):
    def run_examples(session: nox.Session) -> None:
        install_locked(session, slug)
        if slug == "tekton":  # its linter comes from npm, locked in package-lock.json
            session.run("npm", "ci", "--no-audit", "--no-fund", "--silent", external=True)
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


if __name__ == "__main__":
    nox.main()
