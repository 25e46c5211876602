"""Testing ZenML steps and pipelines with pytest-style tests: `step.entrypoint(...)` calls a step's
plain function, bypassing ZenML; calling the pipeline in a test runs it on the active (here local)
stack, and the returned run's steps and artifacts are what the test asserts on."""

from zenml import pipeline, step


@step
def clean(values: list[float]) -> list[float]:
    return [v for v in values if v >= 0]


@step
def mean(values: list[float]) -> float:
    return sum(values) / len(values)


@pipeline
def averaging(values: list[float]) -> None:
    mean(clean(values))


def test_clean_drops_negative_values():
    assert clean.entrypoint([1.0, -2.0, 3.0]) == [1.0, 3.0]


def test_pipeline_end_to_end():
    run = averaging(values=[2.0, -1.0, 4.0])
    assert str(run.status) == "completed"
    assert run.steps["clean"].output.load() == [2.0, 4.0]
    assert run.steps["mean"].output.load() == 3.0


if __name__ == "__main__":
    for test in (test_clean_drops_negative_values, test_pipeline_end_to_end):
        test()
        print(f"{test.__name__} passed")
        #> test_clean_drops_negative_values passed
        #> test_pipeline_end_to_end passed
