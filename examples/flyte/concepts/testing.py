"""Two ways to test, as Flyte's unit-testing guide describes: calling a task directly runs the plain
function (no serialisation, no cache), which suits unit tests of its logic; `flyte.run()` runs the
whole pipeline through Flyte's local runner, type checks and all."""

import asyncio

import flyte

env = flyte.TaskEnvironment(name="testing")


@env.task
async def clean(values: list[float]) -> list[float]:
    return [v for v in values if v >= 0]


@env.task
async def mean(values: list[float]) -> float:
    return sum(values) / len(values)


@env.task
async def pipeline(values: list[float]) -> float:
    return await mean(await clean(values))


def test_clean_drops_negative_values():
    assert asyncio.run(clean([1.0, -2.0, 3.0])) == [1.0, 3.0]  # the plain coroutine, no Flyte


def test_pipeline_end_to_end():
    flyte.init()
    run = flyte.run(pipeline, values=[2.0, -1.0, 4.0])
    assert run.outputs()[0] == 3.0


if __name__ == "__main__":
    for test in (test_clean_drops_negative_values, test_pipeline_end_to_end):
        test()
        print(f"{test.__name__} passed")
        #> test_clean_drops_negative_values passed
        #> test_pipeline_end_to_end passed
