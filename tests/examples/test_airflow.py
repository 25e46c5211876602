"""Apache Airflow examples, run end to end against a throwaway metadata database.

Every example runs as a script; the DAGs run all their tasks through `dag.test()`, which drives
the same scheduling loop, Task SDK runner and execution API as a deployment, in one process and
without a scheduler, API server or workers. Not exercised here: the scheduler's timing of
`@daily` runs, the UI, and executors that run tasks on other machines (Celery, Kubernetes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import Step, made_once_per_environment

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "airflow"


def _home_settings(home: Path) -> dict[str, str]:
    return {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGS_FOLDER": str(home / "dags"),
    }


def _migrate(home: Path) -> Path:
    """`airflow db migrate` on a new SQLite database in `home`; returns the database."""
    airflow = Path(sys.executable).with_name("airflow")
    env = {**os.environ, **_home_settings(home)}
    done = subprocess.run([airflow, "db", "migrate"], capture_output=True, text=True, env=env)
    if done.returncode:
        pytest.fail(f"airflow db migrate failed:\n{done.stdout}{done.stderr}", pytrace=False)
    return home / "airflow.db"


@pytest.fixture(scope="session", autouse=True)
def airflow_home(tmp_path_factory: pytest.TempPathFactory, worker_id: str):
    """Point Airflow at a temp home with a fresh SQLite database, before anything imports it.

    Each worker's database is its own copy of one migrated once per environment: migrating takes
    about 5 s alone, 8 s with the other worker busy.
    """
    name = f"airflow-{version('apache-airflow')}-migrated.db"
    migrated = made_once_per_environment(name, _migrate, tmp_path_factory, worker_id)
    home = tmp_path_factory.mktemp("airflow-home")
    shutil.copyfile(migrated, home / "airflow.db")
    with pytest.MonkeyPatch.context() as mp:
        for variable, value in _home_settings(home).items():
            mp.setenv(variable, value)
        yield home


@pytest.fixture
def dags_folder(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """pytest-examples writes each example into the test's workdir: make that the DAGs folder.

    `dag.test()` parses the DAGs folder to store the DAG in the database before running it.
    """
    from airflow import settings

    monkeypatch.setattr(settings, "DAGS_FOLDER", str(workdir))
    return workdir


EXPECTED_FAILURES = {"concept_retries_and_timeouts": {"too_slow"}}
"""Tasks that an example makes fail on purpose (a timeout), by DAG id: their run fails too."""


@pytest.mark.verifies("ran end to end")
def test_example(example: Path, check_example, dags_folder: Path) -> None:
    """Each example runs as a script, every task it runs succeeds, and it prints what is shown.

    Except that a task a branch skipped never ran, and the tasks in EXPECTED_FAILURES must fail.
    """
    from airflow.models.dagrun import DagRun

    module = check_example(example)
    # dag.test() logs a failing task instead of raising: check the recorded states.
    for run in (value for value in module.values() if isinstance(value, DagRun)):
        states = {ti.task_id: ti.state for ti in run.get_task_instances()}
        expected_failures = EXPECTED_FAILURES.get(run.dag_id, set())
        failed = {task_id for task_id, state in states.items() if state == "failed"}
        assert failed == expected_failures, states
        assert set(states.values()) <= {"success", "skipped", "failed"}, states
        expected_state = "failed" if expected_failures else "success"
        assert run.state == expected_state, f"{run.dag_id} finished {run.state}: {states}"


@pytest.mark.verifies("ran end to end")
def test_lecture_as_written(lecture_transcript) -> None:
    """The lecture's DAG, run as written, fails on `schedule_interval`, which Airflow 3 removed."""
    transcript = lecture_transcript(
        "airflow", [Step("python lecture.py", ["python", "lecture.py"])]
    )
    assert (
        "TypeError: DAG.__init__() got an unexpected keyword argument 'schedule_interval'"
        in transcript
    )
    assert transcript.rstrip().endswith("[exit status 1]")


@pytest.mark.verifies("ran end to end")
def test_dag_files_parse(tmp_path: Path) -> None:
    """Airflow's DAG-file loader imports every example but the lecture's cleanly, and wires each DAG as shown."""
    from airflow.dag_processing.dagbag import DagBag

    for path in EXAMPLES.rglob("*.py"):  # parse copies: importing writes bytecode next to the file
        shutil.copy(path, tmp_path)
    bag = DagBag(dag_folder=tmp_path)
    # The lecture's own file is the one that must fail, and only on schedule_interval.
    assert list(bag.import_errors) == [str(tmp_path / "lecture.py")]
    assert "schedule_interval" in bag.import_errors[str(tmp_path / "lecture.py")]
    assert sorted(bag.dag_ids) == [
        "concept_caching",
        "concept_conditional_branches",
        "concept_fan_out_fan_in",
        "concept_parameters",
        "concept_passing_data",
        "concept_resources_and_gpus",
        "concept_retries_and_timeouts",
        "concept_schedules",
        "concept_secrets_and_configuration",
        "concept_testing",
        "dynamic_mapping",
        "ml_pipeline",
        "ml_training_pipeline",
        "scaling_chain",
        "scaling_fan_out",
    ]
    downstream = {
        dag_id: {t.task_id: t.downstream_task_ids for t in bag.get_dag(dag_id).tasks}
        for dag_id in bag.dag_ids
    }
    assert downstream["ml_pipeline"] == {
        "extract": {"transform"},
        "transform": {"train", "evaluate"},
        "train": {"evaluate"},
        "evaluate": set(),
    }
    assert downstream["ml_training_pipeline"] == {
        "extract": {"transform"},
        "transform": {"train"},
        "train": set(),
    }
    assert downstream["dynamic_mapping"] == {
        "make_batches": {"batch_sum"},
        "batch_sum": {"report"},
        "report": set(),
    }
