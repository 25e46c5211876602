"""A component's logic is a plain function at `component.python_func`, so a unit test calls it
directly, with no runner; a pipeline test runs the whole pipeline with KFP's local runner
(`local.init(runner=local.SubprocessRunner(...))`) and checks its output."""

from kfp import dsl, local

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def clean(values: list) -> list:
    return sorted(v for v in values if 0 <= v <= 100)  # drop out-of-range readings


@dsl.component(base_image=IMAGE)
def mean(values: list) -> float:
    return sum(values) / len(values)


@dsl.pipeline(name="cleaned-mean")
def cleaned_mean(values: list) -> float:
    return mean(values=clean(values=values).output).output


def test_clean_drops_out_of_range_values():
    assert clean.python_func([30, -1, 250, 10]) == [10, 30]


def test_pipeline_runs_locally():
    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root="local_outputs")
    assert cleaned_mean(values=[40, -2, 20, 999]).output == 30.0


if __name__ == "__main__":
    for test in (test_clean_drops_out_of_range_values, test_pipeline_runs_locally):
        test()
        print(test.__name__, "passed")
        #> test_clean_drops_out_of_range_values passed
        #> test_pipeline_runs_locally passed
