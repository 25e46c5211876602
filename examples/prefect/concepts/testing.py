"""Testing Prefect code with pytest: `Task.fn` is the undecorated function, so a unit test calls it
with no engine and no server; the pipeline test calls the flow and checks its final state.

In a pytest suite, a session-scoped fixture around `prefect.testing.utilities.prefect_test_harness`
gives the flow runs a throwaway database (it starts a server, about 12 s here); run as a script,
this file uses the temporary server Prefect starts by itself.
"""

from prefect import flow, task


@task
def clean(rows: list[str]) -> list[float]:
    return [float(row) for row in rows if row.strip()]


@task
def average(values: list[float]) -> float:
    if not values:
        raise ValueError("no values to average")
    return sum(values) / len(values)


@flow
def score(rows: list[str]) -> float:
    return average(clean(rows))


def test_clean_drops_blanks():
    assert clean.fn(["1.5", " ", "2.5"]) == [1.5, 2.5]  # plain Python: no task run is created


def test_pipeline_completes():
    state = score(["1", "2", "", "6"], return_state=True)
    assert state.is_completed()
    assert state.result() == 3.0


def test_pipeline_fails_on_empty():
    state = score(["", " "], return_state=True)  # a Failed state instead of the exception
    assert state.is_failed()
    assert "no values to average" in state.message


if __name__ == "__main__":
    for test in (test_clean_drops_blanks, test_pipeline_completes, test_pipeline_fails_on_empty):
        test()
        print(f"{test.__name__} passed")
        #> test_clean_drops_blanks passed
        #> test_pipeline_completes passed
        #> test_pipeline_fails_on_empty passed
