"""Passing data: a task's return value reaches the next task as an XCom, stored in Airflow's
metadata database; a file is written through an `ObjectStoragePath` and only its path travels in
the XCom, so both tasks must reach the same storage (`file://` here, `s3://` or `gs://` in a
deployment whose tasks run on different machines)."""

from pathlib import Path

from airflow.sdk import ObjectStoragePath, dag, task


@task
def prepare() -> dict:
    # In production: ObjectStoragePath("s3://my-bucket/runs/", conn_id="aws_default").
    folder = ObjectStoragePath(Path("artifacts").absolute().as_uri())
    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "features.csv"
    table.write_text("x,y\n1,2\n3,5\n4,9\n")
    # The return value is the XCom: small and JSON-serialised. The path serialises as its URI.
    return {"rows": 3, "table": table}


@task
def train(prepared: dict) -> None:
    table = prepared["table"]
    data_rows = len(table.read_text().splitlines()) - 1
    print(f"value from the XCom (metadata database): rows={prepared['rows']}")
    #> value from the XCom (metadata database): rows=3
    print(f"file from object storage ({table.protocol}): {table.name}, {data_rows} data rows")
    #> file from object storage (file): features.csv, 3 data rows


@dag(schedule=None)
def concept_passing_data():
    train(prepare())


pipeline = concept_passing_data()

if __name__ == "__main__":
    run = pipeline.test()
