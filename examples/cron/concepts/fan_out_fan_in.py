"""Fan-out and fan-in with `concurrent.futures`: the script lists its inputs at run time, maps a
step over them in a `ThreadPoolExecutor` on this one machine, and combines the results in plain
code. (`ProcessPoolExecutor` has the same interface, for steps that need every CPU.)"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

INCOMING = Path("incoming")


def partitions() -> list[Path]:
    """Known only at run time: whatever files landed in incoming/ since the last run."""
    return sorted(INCOMING.glob("*.csv"))


def count_rows(path: Path) -> tuple[str, int]:
    """The step run once per partition."""
    return path.stem, len(path.read_text().splitlines()) - 1  # minus the header


def combine(counts: list[tuple[str, int]]) -> str:
    return f"{len(counts)} partitions, {sum(n for _, n in counts)} rows"


if __name__ == "__main__":
    INCOMING.mkdir()
    for day, rows in [("2026-11-22", 3), ("2026-11-23", 5), ("2026-11-24", 4)]:
        (INCOMING / f"{day}.csv").write_text("x,y\n" + "1,5\n" * rows)

    items = partitions()
    with ThreadPoolExecutor(max_workers=4) as pool:
        counts = list(pool.map(count_rows, items))  # results come back in the order of items
    print(counts)
    #> [('2026-11-22', 3), ('2026-11-23', 5), ('2026-11-24', 4)]
    print(combine(counts))
    #> 3 partitions, 12 rows
