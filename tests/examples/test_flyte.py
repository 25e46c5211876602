"""Flyte examples: every file runs offline through the local runner of the locked Flyte 2 SDK.

With no endpoint, `flyte.init()` makes `flyte.run()` execute tasks in-process, through Flyte's type
engine, retries and local cache: the pipeline and every concept cell really run here. Flyte writes
empty per-run folders under a fixed /tmp/flyte (it ignores TMPDIR, and only the raw-data path can be
moved per run), which the fixture below removes again, and its cache and run records to
~/.flyte/local-cache (HOME is a temporary directory in every examples session). What is not run: a
Flyte backend (the open-source Kubernetes backend, `flyte start devbox` or Union.ai), so triggers
never fire, images are not built, and nothing applies resource or GPU requests, timeouts or secrets;
the last test checks that a local run indeed ignores them, as the page says.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import flyte
import pytest
from conftest import assert_pipeline_data, shared_folder

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "flyte"
FLYTE_TMP = Path("/tmp/flyte")  # fixed in flyte 2.x: run metadata and raw data of local runs
STEPS = {"extract", "transform", "train", "evaluate"}


def _folders_with_files(path: Path) -> bool:
    return any(p.is_file() for p in path.rglob("*"))


def _remove_empty(folder: Path) -> None:
    """Remove a folder of empty folders; one another worker is removing too, or filling, stays."""
    for sub in [*sorted(folder.rglob("*"), reverse=True), folder]:
        with contextlib.suppress(OSError):  # gone already, or not empty
            sub.rmdir()


def _before_this_session(shared: Path) -> dict:
    """What /tmp/flyte held before this session's first worker ran: recorded once, by that worker."""
    record, mine = shared / "before.json", shared / f"before.{os.getpid()}.json"
    mine.write_text(json.dumps({"existed": FLYTE_TMP.exists(), "runs": sorted(str(p) for p in FLYTE_TMP.glob("*/*"))}))  # fmt: skip
    with contextlib.suppress(FileExistsError):
        os.link(mine, record)  # atomic: the first worker's record is the one kept
    mine.unlink()
    return json.loads(record.read_text())


@pytest.fixture(scope="module", autouse=True)
def flyte_env(tmp_path_factory: pytest.TempPathFactory, worker_id: str):
    """Telemetry off (DO_NOT_TRACK); afterwards, remove the empty /tmp/flyte run folders we made.

    The session's pytest workers share /tmp/flyte: the last of them to finish removes them, so
    that no worker removes a folder another's run is still using.
    """
    shared = shared_folder(tmp_path_factory, worker_id, "flyte-workers")
    before = _before_this_session(shared)
    running = shared / f"{worker_id}.running"
    running.touch()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DO_NOT_TRACK", "1")
        yield
    running.unlink()
    if any(shared.glob("*.running")):
        return  # another worker still runs Flyte: it cleans up when it ends
    for run_dir in set(FLYTE_TMP.glob("*/*")) - {Path(p) for p in before["runs"]}:
        if run_dir.is_dir() and not _folders_with_files(run_dir):
            _remove_empty(run_dir)
    if not before["existed"] and FLYTE_TMP.exists() and not _folders_with_files(FLYTE_TMP):
        _remove_empty(FLYTE_TMP)


@pytest.mark.verifies("ran end to end")
def test_example(example: Path, check_example) -> None:
    """Each Flyte example ran offline through Flyte's local runner and printed exactly the output
    shown."""
    check_example(example)


@pytest.mark.verifies("ran end to end")
def test_pipeline_runs_every_task(workdir: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The pipeline ran as a script with a fresh home: Flyte's own record of the run lists the
    driver and all four tasks as succeeded at the first attempt, each file hand-off points at the
    file its task wrote, and the run's folder sits under the fixed /tmp/flyte."""
    home = tmp_path_factory.mktemp("fresh-home")
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "pipeline.py")],
        cwd=workdir,
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38\n"

    assert_pipeline_data(workdir / "data")

    # flyte.init(local_persistence=True) records runs in SQLite under ~/.flyte/local-cache.
    db = home / ".flyte" / "local-cache" / "cache.db"
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT run_name, short_name, status, attempt_count, outputs FROM runs"
            " WHERE short_name IS NOT NULL"
        ).fetchall()
    assert len({run for run, *_ in rows}) == 1, "one run, recorded once"
    actions = {name: (status, attempts) for _, name, status, attempts, _ in rows}
    assert actions == {name: ("succeeded", 1) for name in {"pipeline", *STEPS}}
    outputs = {name: out for _, name, _, _, out in rows}
    assert str(workdir / "data" / "raw.csv") in outputs["extract"]  # a local File is a path
    assert str(workdir / "data" / "model.json") in outputs["train"]

    run_name = rows[0][0]
    assert (FLYTE_TMP / "metadata" / run_name).is_dir()
    assert (FLYTE_TMP / "raw_data" / run_name).is_dir()


# What a local run does not do, which the page states: tasks of this environment ask for a GPU,
# a secret, an environment variable and a 1 s timeout, none of which the local runner applies.
probe = flyte.TaskEnvironment(
    name="local-probe",
    env_vars={"PROBE_SETTING": "from-the-environment"},
    secrets=flyte.Secret(key="probe-token", as_env_var="PROBE_TOKEN"),
    resources=flyte.Resources(cpu=2, memory="1Gi", gpu="T4:1"),
)
CALLS: list[int] = []


@probe.task(timeout=1)
async def sees(seconds: float) -> str:
    await asyncio.sleep(seconds)
    return f"{os.environ.get('PROBE_SETTING')} {os.environ.get('PROBE_TOKEN')}"


@probe.task(cache="auto")
async def counted(n: int) -> int:
    CALLS.append(n)
    return n * n


@pytest.mark.verifies("ran end to end")
def test_local_runs_apply_no_backend_settings(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A local run ignored the task's timeout, environment variables and secret, and kept using
    the local cache despite FLYTE_LOCAL_CACHE_ENABLED=false and overwrite_cache=True."""
    monkeypatch.delenv("PROBE_SETTING", raising=False)
    monkeypatch.delenv("PROBE_TOKEN", raising=False)
    monkeypatch.setenv("FLYTE_LOCAL_CACHE_ENABLED", "false")  # documented, but never read
    flyte.init()
    assert flyte.run(sees, seconds=1.5).outputs()[0] == "None None"  # ran past its 1 s timeout
    assert sees.timeout == 1 and sees.secrets.as_env_var == "PROBE_TOKEN"

    assert [flyte.run(counted, n=7).outputs()[0] for _ in range(2)] == [49, 49]
    flyte.with_runcontext(overwrite_cache=True).run(counted, n=7)
    assert CALLS == [7], "computed once: two cache hits, and overwrite_cache changed nothing"
    flyte.with_runcontext(disable_run_cache=True).run(counted, n=7)
    assert CALLS == [7, 7]
