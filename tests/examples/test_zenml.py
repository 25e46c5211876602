"""ZenML examples: every pipeline runs for real, offline, on ZenML's default local stack.

ZenML needs no server for a local run: calling a `@pipeline` function runs its steps one after
another in the calling process (the local orchestrator), writes every step output to a local
artifact store through the materializer for its type, and records the run, its steps and their
artifacts in a SQLite database. Both live under ZENML_CONFIG_PATH, one temp dir for the whole
session, so that the database is created once; each example runs in its own working directory and
names its own pipelines, so their runs stay apart. The guide's pipeline runs once, in
`test_example`; the tests after it read that run back from ZenML's records and from the files.

What is not exercised: a ZenML server and its dashboard, any remote stack (Kubernetes, SageMaker,
Vertex...), schedules firing (the local orchestrator refuses them), and resource requests taking
effect (the local orchestrator records them and ignores them).
"""

from __future__ import annotations

import os
import runpy
from pathlib import Path
from typing import Any

import pytest
from conftest import assert_pipeline_data, shown

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "zenml"
PIPELINE = EXAMPLES / "pipeline.py"
SHARED_LINE = "slope=3.0397 intercept=1.8234 rmse=1.1947 test_rows=38"

_runs: dict[Path, tuple[dict[str, Any], Path]] = {}
"""What each example left behind in test_example: its globals and its working directory."""


@pytest.fixture(scope="session", autouse=True)
def zenml_env(tmp_path_factory: pytest.TempPathFactory):
    """ZenML's state in a temp dir, and its analytics off, before anything imports ZenML.

    ZenML reads these when it is imported, and the examples import it: so they are set before any
    example runs, and this module imports ZenML only inside tests.
    """
    settings = {
        # The global config, the SQLite store (local_stores/default_zen_store/zenml.db) and the
        # default artifact store (local_stores/<id>/) go here instead of ~/.config/zenml.
        "ZENML_CONFIG_PATH": str(tmp_path_factory.mktemp("zenml")),
        # On by default: each event is a blocking request (15 s timeout) that the guard refuses.
        "ZENML_ANALYTICS_OPT_IN": "false",
    }
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("ZENML_"):
                mp.delenv(name)  # a reader's own server, store or stack must not leak in
        for name, value in settings.items():
            mp.setenv(name, value)
        yield settings


@pytest.mark.verifies("ran end to end")
def test_example(example: Path, check_example, workdir: Path) -> None:
    """Each ZenML example ran offline on the default local stack and printed exactly the output shown."""
    _runs[example] = (check_example(example), workdir)


@pytest.fixture(params=[PIPELINE], ids=shown)  # the id puts these tests with its test_example
def pipeline_run(request, workdir: Path):
    """The guide pipeline's run made by test_example, or, if that was deselected, one of its own."""
    example: Path = request.param
    if example not in _runs:
        module = runpy.run_path(str(example), run_name="__main__")
        _runs[example] = (module, workdir)
    module, where = _runs[example]
    return module["run"], where


@pytest.mark.verifies("ran end to end")
def test_pipeline_ran_every_step(pipeline_run) -> None:
    """ZenML recorded one completed run of the four steps, in the order extract, transform, train,
    evaluate, and the steps wrote the raw, train and test files."""
    run, where = pipeline_run
    assert str(run.status) == "completed"
    assert {name: str(step.status) for name, step in run.steps.items()} == {
        "extract": "completed",
        "transform": "completed",
        "train": "completed",
        "evaluate": "completed",
    }
    # The graph ZenML compiled from the pipeline function, as stored with the run.
    upstream = {
        name: sorted(step.spec.upstream_steps)
        for name, step in run.snapshot.step_configurations.items()
    }
    assert upstream == {
        "extract": [],
        "transform": ["extract"],
        "train": ["transform"],
        "evaluate": ["train", "transform"],
    }
    assert_pipeline_data(where / "data", model=False)


@pytest.mark.verifies("ran end to end")
def test_every_output_is_a_versioned_artifact(pipeline_run, zenml_env) -> None:
    """Every step output is an artifact in the local artifact store under ZENML_CONFIG_PATH, each
    step's inputs are the upstream step's artifacts, and nothing went to ~/.config/zenml."""
    from zenml.client import Client
    from zenml.config.global_config import GlobalConfiguration

    run, where = pipeline_run
    outputs = {
        name: {output: artifacts[0] for output, artifacts in step.outputs.items()}
        for name, step in run.steps.items()
    }
    assert {name: sorted(out) for name, out in outputs.items()} == {
        "extract": ["raw"],
        "transform": ["test_csv", "train_csv"],
        "train": ["model"],
        "evaluate": ["report"],
    }
    store = Path(Client().active_stack.artifact_store.path)
    assert store.is_relative_to(zenml_env["ZENML_CONFIG_PATH"])
    for out in outputs.values():
        for artifact in out.values():
            assert Path(artifact.uri).is_relative_to(store)
    # A Path output is a copy of the file in the artifact store, not a pointer to data/.
    raw = outputs["extract"]["raw"]
    assert raw.materializer.attribute == "PathMaterializer"
    assert (Path(raw.uri) / "file_data").read_bytes() == (where / "data" / "raw.csv").read_bytes()
    model = outputs["train"]["model"].load()
    assert set(model) == {"slope", "intercept"}
    assert outputs["evaluate"]["report"].load() == SHARED_LINE
    # Lineage: each step's inputs are the very artifact versions its upstream steps produced.
    inputs = {
        name: {arg: artifacts[0].id for arg, artifacts in step.inputs.items()}
        for name, step in run.steps.items()
    }
    assert inputs == {
        "extract": {},
        "transform": {"raw": raw.id},
        "train": {"train_csv": outputs["transform"]["train_csv"].id},
        "evaluate": {
            "model": outputs["train"]["model"].id,
            "test_csv": outputs["transform"]["test_csv"].id,
        },
    }
    # The record lives in the SQLite store under ZENML_CONFIG_PATH; analytics stayed off.
    config = GlobalConfiguration()
    database = Path(zenml_env["ZENML_CONFIG_PATH"], "local_stores", "default_zen_store", "zenml.db")
    assert config.store_configuration.url == f"sqlite:///{database}"
    assert run.id in {r.id for r in Client().get_pipeline("guide_pipeline").runs}
    assert config.analytics_opt_in is False
    assert not (Path.home() / ".config" / "zenml").exists()
    assert not (where / ".zen").exists()  # no `zenml init` was needed
