"""Metaflow examples: every flow runs for real, locally, each step in a process of its own.

Metaflow needs no server for a local run: `python flow.py run` (or the Runner API, which starts
that same command) runs each step as a subprocess and stores every artifact and the run's metadata
in a local datastore (a `.metaflow` folder). Each example file therefore holds one `FlowSpec` and,
under `if __name__ == "__main__":`, two entries: with arguments it is Metaflow's own command line
(which is how the Runner and every step process start it), and without arguments it is the driver
that starts a run with `metaflow.Runner` and prints what the run's artifacts say, so that it runs as
a plain script under pytest-examples and its output is checked. `test_example` gives each example
the command line a reader types, `python file.py`: pytest's own arguments would otherwise look like
Metaflow's. A second test runs the pipeline the documented way, `python pipeline.py run`, and reads
the run's record back from the datastore.

What is not exercised: anything remote. `@resources`, `@schedule` and `@secrets` are only recorded
(they take effect on Kubernetes, AWS Batch, Argo Workflows or Step Functions, which need a cloud
datastore and a cluster), and no metadata service, UI or card server is started.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "metaflow"


@pytest.fixture(scope="session", autouse=True)
def metaflow_env(tmp_path_factory: pytest.TempPathFactory):
    """Metaflow's state in temp dirs, and a user name (Metaflow refuses to run as root without one).

    Metaflow reads these when it is imported, and the examples import it: so they are set before
    any example runs, and this module imports Metaflow only inside tests.
    """
    state = tmp_path_factory.mktemp("metaflow")
    settings = {
        # Metaflow records who ran each run; as root, or with no USER, it raises MetaflowUnknownUser.
        "USERNAME": "field-guide",
        # Where config_<profile>.json would be read from (default ~/.metaflowconfig): empty here,
        # so every setting is Metaflow's default (local datastore, local metadata).
        "METAFLOW_HOME": str(state / "home"),
        # The local datastore: artifacts, logs and metadata of every run, under .metaflow/ here
        # instead of the nearest .metaflow/ found from the working directory upwards.
        "METAFLOW_DATASTORE_SYSROOT_LOCAL": str(state / "datastore"),
        # The Client API caches artifacts it reads in a fixed /tmp/metaflow_client by default.
        "METAFLOW_CLIENT_CACHE_PATH": str(state / "client-cache"),
    }
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("METAFLOW_"):
                mp.delenv(name)  # a reader's own profile or service must not leak in
        for name, value in settings.items():
            mp.setenv(name, value)
        yield


@pytest.mark.verifies("ran end to end")
def test_example(example: Path, check_example, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each Metaflow example runs as a script, starts a local run whose every step is a process, and prints exactly the output shown."""
    monkeypatch.setattr(sys, "argv", [example.name])  # `python file.py`, with no arguments
    check_example(example)


@pytest.mark.verifies("ran end to end")
def test_pipeline_run_from_the_command_line(workdir: Path) -> None:
    """Run from the command line with python pipeline.py run, the pipeline ran its four steps as four processes, in order, and the local datastore holds every step's artifacts and metadata."""
    # The datastore in the working directory, where a reader's first run creates .metaflow/.
    env = {**os.environ, "METAFLOW_DATASTORE_SYSROOT_LOCAL": str(workdir)}
    (workdir / "pipeline.py").write_bytes((EXAMPLES / "pipeline.py").read_bytes())
    done = subprocess.run(
        [sys.executable, "pipeline.py", "run"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # Metaflow's log: one line per task, `[<run id>/<step>/<task id> (pid N)] Task finished...`.
    finished = re.findall(r"/(\w+)/\d+ \(pid (\d+)\)\] Task finished successfully", done.stdout)
    steps = ["start", "transform", "train", "end"]
    assert [name for name, _ in finished] == steps  # in order, each once
    assert len({pid for _, pid in finished}) == 4  # four processes
    assert done.stdout.rstrip().endswith("Done!")

    # The run's record, as Metaflow's Client API reads it back from the datastore.
    from metaflow import Flow, default_metadata, default_namespace, metadata, namespace

    root = workdir / ".metaflow" / "PipelineFlow"
    assert root.is_dir()
    metadata(f"local@{workdir}")  # global to the Client API: reset below
    namespace(None)
    try:
        (run,) = list(Flow("PipelineFlow"))
        assert run.successful
        assert {s.id for s in run} == set(steps)
        for s in run:
            (task,) = list(s)  # one task per step, no retries
            assert task.successful
            assert task.metadata_dict["attempt"] == "0"
            assert task.metadata_dict["user"] == "field-guide"  # USERNAME, set above
        assert run["start"].task.data.raw_csv.count("\n") == 201
        split = run["transform"].task.data
        assert (len(split.train_rows), len(split.test_rows)) == (152, 38)
        assert run.data.result == "slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38"
        # On disk: each task's record (its artifact index, attempt and logs) under the run's id,
        # and the artifacts themselves stored once each, by content, under data/.
        for name in steps:
            (task_dir,) = (root / run.id / name).glob("[0-9]*")
            assert {"0.data.json", "0.attempt.json", "0.DONE.lock"} <= {
                p.name for p in task_dir.iterdir()
            }
        stored = {p.name for p in (root / "data").rglob("*") if p.is_file()}
        assert run["train"].task["slope"].sha in stored
    finally:
        default_metadata()
        default_namespace()
