"""Passing data between assets: a value travels through Dagster's IO manager (here
`dg.FilesystemIOManager`, which pickles each asset's return value under `storage/`), and a
file travels as a path the upstream asset writes and returns."""

from pathlib import Path

import dagster as dg


@dg.asset
def scores() -> list[int]:
    return [3, 1, 4, 1, 5, 9, 2, 6]  # a value: the IO manager pickles it to storage/scores


@dg.asset
def report_file(scores: list[int]) -> Path:
    path = Path("data") / "report.csv"  # a file: written here, its path handed on as the value
    path.parent.mkdir(exist_ok=True)
    path.write_text("score\n" + "".join(f"{s}\n" for s in sorted(scores)))
    return path


@dg.asset
def summary(scores: list[int], report_file: Path) -> str:
    rows = report_file.read_text().splitlines()[1:]
    return f"max={max(scores)} from the value, {len(rows)} rows from {report_file}"


# The IO manager's base_dir is relative: values land in ./storage of the working directory.
io_manager = dg.FilesystemIOManager(base_dir="storage")
result = dg.materialize([scores, report_file, summary], resources={"io_manager": io_manager})
print(result.output_for_node("summary"))
#> max=9 from the value, 8 rows from data/report.csv

# What the run left behind: the file report_file wrote, and one pickle per asset value.
for folder in ("data", "storage"):
    for path in sorted(Path(folder).iterdir()):
        print(path.as_posix())
        #> data/report.csv
        #> storage/report_file
        #> storage/scores
        #> storage/summary
