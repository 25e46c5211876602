"""Prefect examples: every flow runs for real, against a temporary local Prefect server.

Each example file is run as a script, the way a reader runs it. With no server configured,
Prefect 3 starts a temporary API server of its own on 127.0.0.1 (SQLite in PREFECT_HOME) and
records every flow and task run there, so this checks orchestration end to end. What stays
unchecked offline: deployments served by a worker from a work pool, schedules firing, Prefect
Cloud, and the UI.
"""

from __future__ import annotations

import runpy
import sys
import time
from pathlib import Path

import pytest
from conftest import Step

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "prefect"


@pytest.fixture(scope="session", autouse=True)
def prefect_home(tmp_path_factory: pytest.TempPathFactory):
    """A throwaway Prefect home and settings that keep Prefect quiet and offline.

    Prefect reads its settings when it is imported, and the examples import it: so these are set
    before any example runs, and this module never imports Prefect at import time.
    """
    settings = {
        "PREFECT_HOME": str(tmp_path_factory.mktemp("prefect-home")),
        # The temporary server would otherwise send usage analytics to Prefect.
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        # On a fresh home the database migrations outlast the default 20 s start-up timeout.
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
        "PREFECT_SERVER_ALLOW_EPHEMERAL_MODE": "true",
    }
    with pytest.MonkeyPatch.context() as mp:
        for name in ("PREFECT_API_URL", "PREFECT_API_KEY", "PREFECT_PROFILE"):
            mp.delenv(name, raising=False)  # a reader's own server or Cloud login must not leak in
        for name, value in settings.items():
            mp.setenv(name, value)
        from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        # Heartbeats (every 180 s by default) tell a crashed long run from a live one. Prefect's
        # heartbeat thread sleeps in whole seconds, so each flow run waited up to 1 s after it
        # ended for the thread to notice. No environment variable sets None; this does, in-process.
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            yield
        stop_temporary_servers()


def stop_temporary_servers() -> None:
    """Stop the temporary server now: its own exit hook would log to streams pytest has closed."""
    if "prefect.server.api.server" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.server.api.server import SubprocessASGIServer

    # Deliver queued logs and events first, as prefect_test_harness does, or they retry for a minute.
    APILogWorker.drain_all(timeout=10)
    EventsWorker.drain_all(timeout=10)
    for server in list(SubprocessASGIServer._instances.values()):
        server.stop()


@pytest.mark.verifies("ran end to end")
def test_example(example: Path, check_example) -> None:
    """Each Prefect example runs as a script and prints exactly the output shown, its flows recorded by a temporary local Prefect server."""
    check_example(example)


@pytest.mark.verifies("ran end to end")
def test_lecture_as_written(lecture_transcript) -> None:
    """The lecture's flow, run as written, completes: three tasks and the flow, all Completed."""
    transcript = lecture_transcript(
        "prefect",
        [Step("python lecture.py", ["python", "lecture.py"])],
        # Prefect names each run at random (`rare-skink`) and gives task runs a short id.
        extra=[
            (r"(?<=low run )'[a-z]+-[a-z]+'", "'<run name>'"),
            (r"'(\w+)-[0-9a-f]{3}'", r"'\1-<id>'"),
        ],
    )
    assert transcript.count("Finished in state Completed()") == 4
    assert transcript.rstrip().endswith("[exit status 0]")


@pytest.mark.verifies("ran end to end")
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
