"""A value and a file handed from one task to the next: the value is returned and passed as a
typed Python value, the file as a `flyte.io.File`, a reference that `File.from_local` creates and
the next task reads with `download()`."""

import os
from pathlib import Path

import flyte
from flyte.io import File

env = flyte.TaskEnvironment(name="passing-data")


@env.task
async def produce() -> tuple[int, File]:
    path = Path("numbers.txt")
    path.write_text("\n".join(str(n) for n in range(1, 11)))
    # On a cluster from_local uploads the file to the blob store (the run's raw-data path);
    # in a local run the reference simply points at the file where this task wrote it.
    return 10, await File.from_local(path)


@env.task
async def consume(count: int, numbers: File) -> str:
    values = Path(await numbers.download()).read_text().split()
    return f"count={count} (a value), sum={sum(map(int, values))} read from {numbers.name} (a file)"


@env.task
async def pipeline() -> tuple[str, File]:
    count, numbers = await produce()
    return await consume(count, numbers), numbers


flyte.init()
run = flyte.run(pipeline)
summary, numbers = run.outputs()
print(summary)
#> count=10 (a value), sum=55 read from numbers.txt (a file)
# Values travel inside each action's typed inputs and outputs; the File carries only a path.
print(f"the File points at {os.path.relpath(numbers.path)}")
#> the File points at numbers.txt
