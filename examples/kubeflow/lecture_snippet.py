"""The 2023 lecture's KFP v2 snippet, in today's form. Like the original, it only compiles."""

import textwrap
import warnings

import yaml
from kfp import compiler, dsl

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def preprocess(rows: int) -> int:
    return rows - rows // 20


@dsl.component(base_image=IMAGE)
def train(rows: int) -> str:
    return f"model trained on {rows} rows"


@dsl.pipeline(name="lecture-pipeline")
def pipeline(rows: int = 200):
    cleaned = preprocess(rows=rows)
    train(rows=cleaned.output)


compiler.Compiler().compile(pipeline, "pipeline.yaml")


# Compiling only writes the pipeline spec: nothing above has run. pipeline.py runs one locally.
with open("pipeline.yaml") as f:
    spec = yaml.safe_load(f)
tasks = sorted(spec["root"]["dag"]["tasks"])
print(tasks)
#> ['preprocess', 'train']


# The lecture's `@dsl.component` had no base_image; today that default is about to move.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")

    @dsl.component
    def no_image() -> str:
        return "ok"


for line in textwrap.wrap(str(caught[0].message), width=76):
    print(line)
    #> The default base_image used by the @dsl.component decorator will switch from
    #> 'python:3.11' to 'python:3.12' on Oct 1, 2027. To ensure your existing
    #> components work with versions of the KFP SDK released after that date, you
    #> should provide an explicit base_image argument and ensure your component
    #> works as intended on Python 3.12.
