"""Handing data between Prefect tasks: a returned value goes to the next task in memory, a file by
its path.

Persisting a value is opt-in: `persist_result=True` makes Prefect's result store write it to the
`result_storage` block (here a `LocalFileSystem` block, in production often S3 or GCS).
"""

import json
from pathlib import Path

from prefect import flow, task
from prefect.filesystems import LocalFileSystem


@task(
    persist_result=True,
    result_storage="local-file-system/results",  # a saved block, looked up when the task runs
    result_storage_key="rows.json",
    result_serializer="json",
)
def extract() -> list[int]:
    return [3, 1, 4, 1, 5]


@task
def write_report(rows: list[int]) -> Path:
    report = Path("report.csv")  # written by the task itself: Prefect only sees the Path object
    report.write_text("value\n" + "\n".join(map(str, rows)) + "\n")
    return report


@task
def summarize(rows: list[int], report: Path) -> str:
    on_disk = report.read_text().splitlines()[1:]
    return f"value: {len(rows)} rows in memory; file: {report}, {len(on_disk)} rows on disk"


@flow
def handoff() -> str:
    rows = extract()  # the list itself, handed over in memory (results/ holds a persisted copy)
    return summarize(rows, write_report(rows))


if __name__ == "__main__":
    # The storage block, saved once on the server (in production e.g. an S3 bucket block).
    LocalFileSystem(basepath=str(Path("results").resolve())).save("results", overwrite=True)
    print(handoff())
    #> value: 5 rows in memory; file: report.csv, 5 rows on disk
    record = json.loads(Path("results/rows.json").read_text())  # what the result store wrote
    print(f"results/rows.json holds {record['result']}, written by the result store")
    #> results/rows.json holds [3, 1, 4, 1, 5], written by the result store
