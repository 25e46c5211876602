"""Testing: load the file the way Airflow does (`DagBag`) to catch import errors and check the
wiring, unit-test a task's logic by calling the plain function behind it (`.function`), and run
the whole DAG with `dag.test()`, which returns the finished run to assert on."""

from pathlib import Path

from airflow.models import DagBag
from airflow.sdk import dag, task


@task
def clean(values: list[float | None]) -> list[float]:
    return [v for v in values if v is not None and v >= 0]


@task
def mean(values: list[float]) -> float:
    return sum(values) / len(values)


@dag(schedule=None)
def concept_testing():
    mean(clean([1.0, None, 3.0, -7.0, 5.0]))


pipeline = concept_testing()


def test_dag_loads() -> None:
    bag = DagBag(dag_folder=Path(__file__))
    assert bag.import_errors == {}
    loaded = bag.get_dag("concept_testing")
    assert loaded.task_dict["clean"].downstream_task_ids == {"mean"}


def test_clean_logic() -> None:
    # .function is the undecorated Python function: no DAG, no database.
    assert clean.function([2.0, None, -1.0, 0.0]) == [2.0, 0.0]


def test_pipeline_runs() -> None:
    run = pipeline.test()
    assert run.state == "success"
    assert run.get_task_instance("mean").xcom_pull(task_ids="mean") == 3.0


if __name__ == "__main__":
    for test in (test_dag_loads, test_clean_logic, test_pipeline_runs):
        test()
        print(f"{test.__name__} passed")
        #> test_dag_loads passed
        #> test_clean_logic passed
        #> test_pipeline_runs passed
