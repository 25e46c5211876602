"""Dagster examples: every file runs in-process against the locked Dagster release.

Dagster needs no server to materialize assets: `dagster.materialize` runs them in the test process
on a temporary instance, so the pipeline really runs end to end here, asset checks included, and
declarative automation is evaluated tick by tick with Dagster's own test helper. What is not run:
the UI (`dg dev`, from the separate `dagster-webserver` and `dagster-dg-cli` packages), the daemon
that evaluates automation on a timer, and any deployment (Kubernetes, Docker, Dagster+).
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from conftest import Step, assert_pipeline_data

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "dagster"


@pytest.fixture(scope="module", autouse=True)
def dagster_env():
    """No DAGSTER_HOME, so each run uses a throwaway instance; telemetry off as a second guard."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("DAGSTER_HOME", raising=False)
        mp.setenv("DAGSTER_DISABLE_TELEMETRY", "1")
        yield


@pytest.mark.verifies("ran end to end")
def test_example(example: Path, check_example) -> None:
    """Each Dagster example on this page ran offline and printed exactly the output shown."""
    check_example(example)


IN_PROCESS = '{"execution": {"config": {"in_process": {}}}}'


@pytest.mark.verifies("ran end to end")
def test_lecture_as_written(lecture_transcript) -> None:
    """The lecture's assets load as written, but materializing them fails: `load_raw_data` is
    never defined, so the first asset raises NameError and the other two never run."""
    transcript = lecture_transcript(
        "dagster",
        [
            Step("python lecture.py", ["python", "lecture.py"]),
            # In one process: with the default multiprocess executor, the step's own STEP_FAILURE
            # line (printed by its child process) was now and then missing under load.
            Step(
                f"dagster asset materialize -f lecture.py --select '*' --config-json '{IN_PROCESS}'",
                [
                    "dagster",
                    "asset",
                    "materialize",
                    "-f",
                    "lecture.py",
                    "--select",
                    "*",
                    "--config-json",
                    IN_PROCESS,
                ],
                # Dagster logs every event of the run: the page shows its warnings and errors.
                keep=lambda line: any(
                    w in line
                    for w in (
                        "Warning:",
                        "STEP_FAILURE",
                        "RUN_FAILURE",
                        "NameError",
                        "Not executing",
                    )
                ),
            ),
        ],
        extra=[(r"(?<= - )\d+(?= - )", "<pid>")],  # the process ids in Dagster's log lines
    )
    assert "NameError: name 'load_raw_data' is not defined" in transcript
    assert transcript.rstrip().endswith("[exit status 1]")


@pytest.mark.verifies("ran end to end")
def test_pipeline_materializes_every_asset(
    workdir: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipeline materialized all four assets into files and its asset check passed, leaving
    nothing in the Dagster home (a temporary instance)."""
    home = tmp_path_factory.mktemp("fresh-home")
    monkeypatch.setenv("HOME", str(home))
    # Run as a script (not through check_example, which test_example already does for its output).
    module = runpy.run_path(str(EXAMPLES / "pipeline.py"), run_name="__main__")

    result = module["result"]
    assert result.success
    materialized = {
        event.asset_key.to_user_string() for event in result.get_asset_materialization_events()
    }
    assert materialized == {"raw_data", "train_test_split", "model", "evaluation"}
    checks = result.get_asset_check_evaluations()
    assert [(c.check_name, c.passed) for c in checks] == [("test_share_is_one_fifth", True)]

    assert_pipeline_data(workdir / "data")

    upstream = module["defs"].resolve_asset_graph().asset_dep_graph["upstream"]
    assert {
        key.to_user_string(): {d.to_user_string() for d in deps} for key, deps in upstream.items()
    } == {
        "raw_data": set(),
        "train_test_split": {"raw_data"},
        "model": {"train_test_split"},
        "evaluation": {"model", "train_test_split"},
    }
    # A temporary instance: nothing is left where DAGSTER_HOME would default to.
    assert list(home.iterdir()) == []
