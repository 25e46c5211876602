"""Testing assets: an asset is a plain function, so a unit test calls it with its inputs (and a
resource built in the test); a pipeline test runs `dg.materialize` with test `resources=` and
checks the result. Run with pytest, or as a script."""

import dagster as dg


class Thresholds(dg.ConfigurableResource):
    minimum: float = 0.5


@dg.asset
def readings() -> list[float]:
    return [0.2, 0.7, 0.9, 0.4]


@dg.asset
def passing(readings: list[float], thresholds: Thresholds) -> list[float]:
    return [r for r in readings if r >= thresholds.minimum]


def test_passing_filters_below_minimum():
    # Direct invocation: the asset's own logic, with a test resource, no run and no instance.
    assert passing([0.1, 0.5, 0.8], Thresholds(minimum=0.5)) == [0.5, 0.8]


def test_pipeline_materializes():
    result = dg.materialize([readings, passing], resources={"thresholds": Thresholds(minimum=0.8)})
    assert result.success
    assert result.output_for_node("passing") == [0.9]
    keys = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert keys == {"readings", "passing"}


if __name__ == "__main__":
    for test in (test_passing_filters_below_minimum, test_pipeline_materializes):
        test()
        print(f"{test.__name__} passed")
        #> test_passing_filters_below_minimum passed
        #> test_pipeline_materializes passed
