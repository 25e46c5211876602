"""Kubeflow Pipelines examples: compiled to IR YAML and run by KFP's own local runner.

Every file under `examples/kubeflow/` runs as a script with the locked `kfp` release. The pipelines
run through `kfp.local.SubprocessRunner(use_venv=False)`: each task is a subprocess of the test's
Python, which is how KFP runs lightweight Python components without a cluster. Each task's first
command is KFP's `pip install kfp==<this release> --no-deps`; the release is already installed, so
pip finds it and stops, and the session's offline guard proves that nothing went to the network.

Not verified here, because it needs a Kubernetes cluster running the KFP backend (or Vertex AI):
submitting the compiled YAML, the container images, the UI, the backend's caching, schedules and
resource requests. The local runner does honour `set_retry` and, when asked
(`local.init(enable_caching=True)`), caches; the concept cells run both.
"""

from __future__ import annotations

import json
from pathlib import Path

import kfp
import pytest
import yaml
from conftest import Step, shown

PIPELINE = Path(__file__).resolve().parents[2] / "examples" / "kubeflow" / "pipeline.py"
STEPS = ["extract", "transform", "train", "evaluate"]
ROWS, MISSING_EVERY, TEST_EVERY = 200, 20, 5  # the shared pipeline's spec, not its output


@pytest.fixture(scope="module")
def ran() -> dict[str, Path]:
    """The working directory each example left behind in this module, by file name."""
    return {}


@pytest.mark.verifies("compiled and ran locally")
def test_example(example: Path, check_example, workdir: Path, ran: dict[str, Path]):
    """Every example passes ruff, runs offline against the locked kfp release, and prints exactly
    the output shown on this page."""
    check_example(example)
    ran[example.name] = workdir


@pytest.mark.verifies("compiled and ran locally")
def test_lecture_as_written(lecture_transcript) -> None:
    """The lecture's pipeline, run as written, compiles to pipeline.yaml, warning that
    `@dsl.component` without a base_image will change image in 2027; it never runs the pipeline."""
    transcript = lecture_transcript(
        "kubeflow",
        [
            Step("python lecture.py", ["python", "lecture.py"]),
            Step("head -n 4 pipeline.yaml", ["head", "-n", "4", "pipeline.yaml"]),
        ],
    )
    assert (
        "FutureWarning: The default base_image used by the @dsl.component decorator" in transcript
    )
    assert "# Name: ml-training" in transcript
    assert transcript.count("[exit status 0]") == 2


@pytest.fixture(params=[PIPELINE], ids=shown)  # the id puts these tests with its test_example
def pipeline_run(request, ran: dict[str, Path], check_example, workdir: Path) -> Path:
    """Where pipeline.py compiled and ran; it runs here only if test_example did not run it."""
    example: Path = request.param
    if example.name not in ran:  # e.g. `-k compiles`: this test alone
        check_example(example)
        ran[example.name] = workdir
    return ran[example.name]


@pytest.mark.verifies("compiled and ran locally")
def test_pipeline_compiles_to_ir_yaml(pipeline_run: Path):
    """The pipeline compiles to IR YAML with four components chained extract, transform, train,
    evaluate, passing Dataset, Model and Metrics artifacts."""
    spec = yaml.safe_load((pipeline_run / "regression_pipeline.yaml").read_text())
    assert spec["pipelineInfo"]["name"] == "regression"
    assert spec["sdkVersion"] == f"kfp-{kfp.__version__}"
    assert sorted(spec["components"]) == sorted(f"comp-{step}" for step in STEPS)

    tasks = spec["root"]["dag"]["tasks"]
    upstream = {name: sorted(task.get("dependentTasks", [])) for name, task in tasks.items()}
    assert upstream == {
        "extract": [],
        "transform": ["extract"],
        "train": ["transform"],
        "evaluate": ["train", "transform"],
    }

    def artifact_types(step: str, direction: str) -> dict[str, str]:
        defs = spec["components"][f"comp-{step}"].get(direction, {}).get("artifacts", {})
        return {name: d["artifactType"]["schemaTitle"] for name, d in defs.items()}

    assert artifact_types("extract", "outputDefinitions") == {"raw": "system.Dataset"}
    assert artifact_types("transform", "outputDefinitions") == {
        "train": "system.Dataset",
        "test": "system.Dataset",
    }
    assert artifact_types("train", "outputDefinitions") == {"model": "system.Model"}
    assert artifact_types("evaluate", "inputDefinitions") == {
        "model": "system.Model",
        "test": "system.Dataset",
    }
    assert artifact_types("evaluate", "outputDefinitions") == {"metrics": "system.Metrics"}


@pytest.mark.verifies("compiled and ran locally")
def test_compiled_steps_pin_the_locked_kfp(pipeline_run: Path):
    """Each compiled step names its image and installs exactly the locked kfp release, so the local
    runner's pip step finds it installed and needs no network."""
    spec = yaml.safe_load((pipeline_run / "regression_pipeline.yaml").read_text())
    executors = spec["deploymentSpec"]["executors"]
    assert sorted(executors) == sorted(f"exec-{step}" for step in STEPS)
    for executor in executors.values():
        container = executor["container"]
        assert container["image"] == "python:3.11"
        install = " ".join(container["command"])
        assert f"'kfp=={kfp.__version__}' '--no-deps'" in install


@pytest.mark.verifies("compiled and ran locally")
def test_pipeline_ran_every_task_locally(pipeline_run: Path):
    """Run locally, each task wrote its artifacts under the pipeline root in the working directory:
    raw data with gaps, a four-to-one train/test split, and a model."""
    (run,) = (pipeline_run / "local_outputs").iterdir()
    assert sorted(p.name for p in run.iterdir()) == sorted(STEPS)

    raw = (run / "extract" / "raw").read_text().splitlines()
    assert raw[0] == "x,y" and len(raw) == ROWS + 1
    assert sum(line.endswith(",") for line in raw) == ROWS // MISSING_EVERY

    kept = ROWS - ROWS // MISSING_EVERY
    test = (run / "transform" / "test").read_text().splitlines()
    train = (run / "transform" / "train").read_text().splitlines()
    assert len(test) - 1 == -(-kept // TEST_EVERY)
    assert len(train) - 1 == kept - (len(test) - 1)
    assert set(raw[1:]) >= set(test[1:]) | set(train[1:])

    model = json.loads((run / "train" / "model").read_text())
    assert sorted(model) == ["intercept", "slope"]
