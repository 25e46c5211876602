"""Passing a value and a file between ZenML steps: every return value is an artifact that a
materializer chosen by its type writes to the active stack's artifact store (a folder under ZenML's
config directory here, a bucket in production), and the next step gets it loaded back from there."""

import json
from pathlib import Path
from typing import Annotated

from zenml import pipeline, step
from zenml.client import Client


@step
def produce() -> tuple[Annotated[int, "count"], Annotated[Path, "report"]]:
    report = Path("report.json")
    report.write_text(json.dumps({"rows": 190}))
    # Two outputs: a value, and a file that ZenML copies into the artifact store.
    return 190, report


@step
def consume(count: int, report: Path) -> str:
    # `report` is a copy of the file, loaded from the artifact store, not ./report.json.
    rows = json.loads(report.read_text())["rows"]
    return f"value {count} and file with {rows} rows received"


@pipeline
def hand_off() -> None:
    count, report = produce()
    consume(count, report)


run = hand_off()
print(run.steps["consume"].output.load())
#> value 190 and file with 190 rows received

store = Client().active_stack.artifact_store.path
for name, [artifact] in sorted(run.steps["produce"].outputs.items()):
    files = sorted(p.name for p in Path(artifact.uri).iterdir())
    where = "in the artifact store" if artifact.uri.startswith(store) else "elsewhere"
    kind, materializer = artifact.data_type.attribute, artifact.materializer.attribute
    print(f"{name} ({kind}): {files} {where}, by {materializer}")
    #> count (int): ['data.json'] in the artifact store, by BuiltInMaterializer
    #> report (PosixPath): ['file_data'] in the artifact store, by PathMaterializer
