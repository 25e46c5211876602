"""Sessions work however nox was started: from `python3 noxfile.py`, an installed nox, or the
bootstrap's own nox with no uv on PATH (which once ended in a `FileNotFoundError: 'uv'`)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

BOOTSTRAP = ROOT / ".nox" / ".bootstrap" / "bin" / "python"


def nox_python() -> str:
    """The Python that nox runs on: `nox -s tests` names it; else the bootstrap's."""
    named = os.environ.get("FIELD_GUIDE_NOX_PYTHON")
    if named:
        return named
    if BOOTSTRAP.exists():
        return str(BOOTSTRAP)
    pytest.fail("no nox to run: start the tests with `nox -s tests` (or `python3 noxfile.py`)")


def test_a_session_finds_uv_with_none_on_path():
    python = nox_python()
    # PATH without any folder that holds uv (nox's own folder included): only nox can find it.
    path = [d for d in os.environ["PATH"].split(os.pathsep) if d and not (Path(d) / "uv").exists()]
    path = [d for d in path if Path(d).resolve() != Path(python).parent.resolve()]
    done = subprocess.run(
        [python, "-m", "nox", "--noxfile", str(ROOT / "noxfile.py"), "-s", "lock", "--", "--check"],
        cwd=ROOT,
        env={**os.environ, "PATH": os.pathsep.join(path)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    said = done.stdout + done.stderr
    assert "FileNotFoundError" not in said, said[-2000:]
    assert done.returncode == 0, said[-2000:]
    assert "Session lock was successful" in said


NPM_TWICE = """
import json, pathlib, sys
sys.path.insert(0, sys.argv[1])
import noxfile

root = noxfile.ROOT = pathlib.Path(sys.argv[2])
noxfile.needs = lambda session, program, why: program


class Session:  # records what nox would run; "npm ci" makes node_modules afresh, as npm does
    ran = []

    def run(self, *args, **kwargs):
        self.ran.append(list(args[:2]))
        modules = root / "node_modules"
        modules.mkdir(exist_ok=True)
        for old in modules.iterdir():
            old.unlink()


session = Session()
noxfile.install_npm_locked(session, "why")
noxfile.install_npm_locked(session, "why")  # the same lock: nothing to do
(root / "package-lock.json").write_text('{"lockfileVersion": 3, "changed": true}')
noxfile.install_npm_locked(session, "why")
print(json.dumps(session.ran))
"""


def test_npm_ci_runs_again_only_when_the_lock_changed(tmp_path):
    (tmp_path / "package.json").write_text("{}")
    (tmp_path / "package-lock.json").write_text('{"lockfileVersion": 3}')
    done = subprocess.run([nox_python(), "-c", NPM_TWICE, str(ROOT), str(tmp_path)],
                          capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == '[["npm", "ci"], ["npm", "ci"]]'
