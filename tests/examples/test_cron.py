"""Plain scripts and cron: the script runs, and its crontab line is valid and runs the way cron would.

No cron daemon runs in a test, so this checks what can be checked without waiting for 02:00: the
crontab's schedule, parsed by croniter, fires when the page says; its command, run the way cron
runs one (`/bin/sh -c`, an empty environment but for HOME, PATH and SHELL, HOME as the working
directory), runs the pipeline and appends its result to the log. Not checked: a real cron daemon,
its mail of the output, and `CRON_TZ` itself (cronie honours it; croniter is given the zone).
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from croniter import croniter

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "cron"


def crontab() -> tuple[dict[str, str], str, str]:
    """The crontab's variables, its one schedule and its command."""
    lines = [
        ln
        for ln in (EXAMPLES / "crontab").read_text().splitlines()
        if ln and not ln.startswith("#")
    ]
    variables = dict(ln.split("=", 1) for ln in lines if "=" in ln.split()[0])
    (job,) = [ln for ln in lines if "=" not in ln.split()[0]]
    fields = job.split(maxsplit=5)
    return variables, " ".join(fields[:5]), fields[5]


@pytest.mark.verifies("ran end to end")
def test_example(example: Path, check_example) -> None:
    """The script runs as `python pipeline.py` and prints the shared result."""
    check_example(example)


@pytest.mark.verifies("validated and step logic run")
def test_crontab_fires_daily_at_two_in_berlin() -> None:
    """croniter accepts the crontab's schedule, which fires at 02:00 Berlin time every day."""
    variables, schedule, _ = crontab()
    assert croniter.is_valid(schedule)
    zone = ZoneInfo(variables["CRON_TZ"])
    start = datetime.datetime(2026, 11, 25, 12, 0, tzinfo=zone)
    runs = croniter(schedule, start)
    fired = [runs.get_next(datetime.datetime) for _ in range(3)]
    assert [f.isoformat() for f in fired] == [
        "2026-11-26T02:00:00+01:00",
        "2026-11-27T02:00:00+01:00",
        "2026-11-28T02:00:00+01:00",
    ]
    assert not croniter.is_valid("0 2 * *")  # the parser refuses what cron would


@pytest.mark.verifies("ran end to end")
def test_command_runs_the_pipeline_as_cron_would(tmp_path: Path) -> None:
    """The crontab's command, run by /bin/sh in cron's bare environment, appends the result to the log."""
    _, _, command = crontab()
    (tmp_path / "pipeline").mkdir()
    shutil.copy(EXAMPLES / "pipeline.py", tmp_path / "pipeline")
    # cron's PATH is /usr/bin:/bin; the session's Python stands in for the system's python3.
    env = {
        "HOME": str(tmp_path),
        "SHELL": "/bin/sh",
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
    }
    for _ in range(2):  # two nights
        done = subprocess.run(["/bin/sh", "-c", command], cwd=tmp_path, env=env, check=False)
        assert done.returncode == 0
    log = (tmp_path / "pipeline" / "pipeline.log").read_text().splitlines()
    shown = (EXAMPLES / "pipeline.py").read_text().split("#> ")[-1].strip()
    assert log == [shown, shown]
