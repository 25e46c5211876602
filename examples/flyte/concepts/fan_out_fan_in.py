"""Fan-out is a plain loop in the driver task: `asyncio.gather` awaits one call of `score` per
item of a list that only exists at run time (each call is an action of its own, run in parallel
on a cluster), and an ordinary task call combines the results."""

import asyncio

import flyte

env = flyte.TaskEnvironment(name="fan-out-fan-in")


@env.task
async def list_shards(n: int) -> list[str]:
    return [f"shard-{i}" for i in range(n)]  # the length is only known when this runs


@env.task
async def score(shard: str) -> int:
    return len(shard) * int(shard.rsplit("-", 1)[1])


@env.task
async def combine(scores: list[int]) -> int:
    return sum(scores)


@env.task
async def pipeline(n: int) -> tuple[list[int], int]:
    shards = await list_shards(n)
    scores = await asyncio.gather(*(score(shard) for shard in shards))  # fan out
    return scores, await combine(list(scores))  # fan in


flyte.init()
for n in (3, 5):
    scores, total = flyte.run(pipeline, n=n).outputs()
    print(f"n={n}: scores={scores} total={total}")
    #> n=3: scores=[0, 7, 14] total=21
    #> n=5: scores=[0, 7, 14, 21, 28] total=70
