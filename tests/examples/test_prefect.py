"""Prefect examples: every flow runs for real, against a local Prefect server.

Each example file is run as a script, the way a reader runs it. A reader's run with no server
configured makes Prefect 3 start a temporary API server of its own; the lecture's code runs that
way, as written, in its own process and a new home, so its server migrates its database as a
reader's first run does. The other examples share one `prefect server start` (no scheduler, no
late-runs service, no UI, like the temporary server) that this session's workers start once, so
each example costs its own flows and not a server; it starts from a copy of an empty database
migrated once per environment (`empty_database`), while the lecture's run migrates its own on the
other worker. The server records every flow and task run, so this checks
orchestration end to end. What stays unchecked offline: deployments served by a worker from a
work pool, schedules firing, Prefect Cloud, and the UI.
"""

from __future__ import annotations

import contextlib
import json
import os
import runpy
import shutil
import socket
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import Step, locked, made_once_per_environment, shared_folder

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "prefect"
QUIET_AND_OFFLINE = {
    # The server would otherwise send usage analytics to Prefect.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # On a fresh home the database migrations outlast the default 20 s start-up timeout.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_SERVER_ALLOW_EPHEMERAL_MODE": "true",
}
SERVER_STARTUP_TIMEOUT = int(QUIET_AND_OFFLINE["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"])
"""The shared server's too: it answers after about 8 s here, 20 s or more under load."""
READERS_OWN = ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_PROFILE")
"""A reader's own server or Cloud login, which must not leak into the tests."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    import httpx

    try:
        return httpx.get(f"{url}/health", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def _prefect_env(home: Path) -> dict[str, str]:
    """This process's environment, which `prefect_home` has made quiet and offline, in `home`."""
    return {**os.environ, "PREFECT_HOME": str(home)}


def _home_with_database(home: Path, database: Path) -> Path:
    """A Prefect home whose database starts as a copy of `database`, so nothing migrates it."""
    home.mkdir(parents=True)
    shutil.copyfile(database, home / "prefect.db")
    return home


def _start_server(shared: Path, database: Path) -> dict:
    """`prefect server start` on a free port, with its own home; returns once it answers."""
    port = _free_port()  # and a home of its own: a later worker may start the session's next one
    env = _prefect_env(_home_with_database(shared / f"home-{port}", database))
    log = shared / f"server-{port}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [Path(sys.executable).parent / "prefect", "server", "start", "--host", "127.0.0.1",
             "--port", str(port), "--no-ui", "--no-scheduler", "--no-late-runs"],
            env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + SERVER_STARTUP_TIMEOUT
    while not _answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"prefect server start did not answer at {url}:\n{log.read_text()}", False)
        time.sleep(0.1)
    return {"url": url, "pid": process.pid}


def _stop_server(server: dict) -> None:
    """Stop the server and wait until its port is closed (its database is then closed too)."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(server["pid"], 15)
    deadline = time.monotonic() + 30
    while _answers(server["url"]) and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.fixture(scope="session")
def empty_database(
    tmp_path_factory: pytest.TempPathFactory, worker_id: str, prefect_home: None
) -> Path:  # prefect_home: the environment _prefect_env copies is quiet and offline by then
    """An empty Prefect database, migrated to this release's schema: made once per environment.

    Migrating a fresh SQLite database takes about 12 s here, which the shared server would
    otherwise spend again in every session.
    """

    def migrate(home: Path) -> Path:
        done = subprocess.run(
            [Path(sys.executable).parent / "prefect", "server", "database", "upgrade", "-y"],
            env=_prefect_env(home), capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode:
            pytest.fail(f"prefect server database upgrade failed:\n{done.stdout}{done.stderr}", False)  # fmt: skip
        return home / "prefect.db"

    name = f"prefect-{version('prefect')}-empty.db"
    return made_once_per_environment(name, migrate, tmp_path_factory, worker_id)


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory: pytest.TempPathFactory, worker_id: str, empty_database: Path):
    """The API URL of the one Prefect server this session's pytest workers share.

    The first worker to need it starts it; each worker marks itself as using it, and the last
    one to finish stops it. A worker that comes after it has stopped starts another.
    """
    shared = shared_folder(tmp_path_factory, worker_id, "prefect-server")
    record, using = shared / "server.json", shared / f"{worker_id}.using"
    with locked(shared / "lock"):
        if not record.exists():
            record.write_text(json.dumps(_start_server(shared, empty_database)))
        server = json.loads(record.read_text())
        using.touch()
    yield server["url"]
    with locked(shared / "lock"):
        using.unlink()
        if not any(shared.glob("*.using")):
            _stop_server(server)
            record.unlink()


@pytest.fixture(scope="session", autouse=True)
def prefect_home(tmp_path_factory: pytest.TempPathFactory):
    """A throwaway Prefect home and settings that keep Prefect quiet and offline.

    Prefect reads its settings when it is imported, and the examples import it: so these are set
    before any example runs, and this module never imports Prefect at import time.
    """
    with pytest.MonkeyPatch.context() as mp:
        for name in READERS_OWN:
            mp.delenv(name, raising=False)
        for name, value in QUIET_AND_OFFLINE.items():
            mp.setenv(name, value)
        mp.setenv("PREFECT_HOME", str(tmp_path_factory.mktemp("prefect-home")))
        from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        # Heartbeats (every 180 s by default) tell a crashed long run from a live one. Prefect's
        # heartbeat thread sleeps in whole seconds, so each flow run waited up to 1 s after it
        # ended for the thread to notice. No environment variable sets None; this does, in-process.
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            yield


@pytest.fixture
def on_shared_server(prefect_server: str):
    """This test's flows report to the shared server. Prefect has read its environment when it
    was imported, so the URL is set in-process; the lecture's test, run first, never waits for it."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: prefect_server}):
        yield
        deliver_queued_logs_and_events()


def deliver_queued_logs_and_events() -> None:
    """Send what this process still queues before the server stops, or it retries for a minute."""
    if "prefect.events.worker" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10)
    EventsWorker.drain_all(timeout=10)


# First in the file, so that pytest-xdist hands it out first: the lecture's own temporary server
# then starts on one worker while the other migrates a database and starts the shared server.
@pytest.mark.verifies("ran end to end")
def test_lecture_as_written(lecture_transcript, tmp_path_factory) -> None:
    """The lecture's flow, run as written with no server configured and a new home, starts
    Prefect's temporary server, which migrates its database, and completes: three tasks and the
    flow, all Completed."""
    transcript = lecture_transcript(
        "prefect",
        [Step("python lecture.py", ["python", "lecture.py"])],
        # A home of its own and nothing in it, as a reader's first run has.
        env={"PREFECT_HOME": str(tmp_path_factory.mktemp("lecture") / "home")},
        # Prefect names each run at random (`rare-skink`) and gives task runs a short id.
        extra=[
            (r"(?<=low run )'[a-z]+-[a-z]+'", "'<run name>'"),
            (r"'(\w+)-[0-9a-f]{3}'", r"'\1-<id>'"),
        ],
    )
    assert transcript.count("Finished in state Completed()") == 4
    assert transcript.rstrip().endswith("[exit status 0]")


@pytest.mark.verifies("ran end to end")
@pytest.mark.usefixtures("on_shared_server")
def test_example(example: Path, check_example) -> None:
    """Each Prefect example runs as a script and prints exactly the output shown, its flows recorded by a local Prefect server."""
    check_example(example)


@pytest.mark.verifies("ran end to end")
@pytest.mark.usefixtures("on_shared_server")
def test_pipeline_is_recorded(workdir: Path) -> None:
    """The pipeline's flow run and its four task runs are stored as Completed by Prefect's API, and each step wrote its file."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.events.worker import EventsWorker

    # Imported, not run as __main__: check_example already runs it, and here we want the flow.
    module = runpy.run_path(str(EXAMPLES / "pipeline.py"), run_name="pipeline")
    state = module["regression_pipeline"](return_state=True)
    assert state.is_completed(), state
    flow_run_id = state.state_details.flow_run_id
    # Task runs reach the server as events, which it stores a moment later: send them, then wait.
    EventsWorker.drain_all(timeout=10)
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(flow_run_id)
        deadline = time.monotonic() + 15
        while True:
            task_runs = client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
            )
            settled = len(task_runs) >= 4 and all(r.state and r.state.is_final() for r in task_runs)
            if settled or time.monotonic() > deadline:
                break
            time.sleep(0.1)
    assert flow_run.state.is_completed(), flow_run.state
    assert sorted(run.name.rsplit("-", 1)[0] for run in task_runs) == [
        "evaluate",
        "extract",
        "train",
        "transform",
    ]
    assert all(run.state.is_completed() for run in task_runs), [r.state for r in task_runs]
    for name in ("raw.csv", "train.csv", "test.csv", "model.json"):
        assert (workdir / "data" / name).stat().st_size > 0, name
