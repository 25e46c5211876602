"""The harness itself, run by every examples session in that tool's own venv: the offline guard, and
the check of what an example prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PYTEST_EXAMPLES_RECORD_PRINT, _record_print
from pytest_examples import CodeExample, run_code
from pytest_examples.config import ExamplesConfig

GOES_ONLINE = """\
import socket

socket.create_connection(("192.0.2.1", 80), timeout=5)  # TEST-NET-1: never a real host
"""


def test_an_example_that_goes_online_fails_saying_examples_run_offline(
    check_example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its own log: the session's log must stay empty, or the session fails at the end.
    monkeypatch.setenv("FIELD_GUIDE_NETWORK_LOG", str(tmp_path / "refused.log"))
    example = tmp_path / "goes_online.py"
    example.write_text(GOES_ONLINE, encoding="utf-8")
    with pytest.raises(pytest.fail.Exception) as failed:
        check_example(example)
    message = str(failed.value)
    assert "ConnectionRefusedError" in message
    assert "examples run offline" in message
    assert "connect to 192.0.2.1:80" in message
    assert (tmp_path / "refused.log").read_text().count("192.0.2.1") == 1


def test_a_package_of_its_own_sitecustomize_does_not_switch_the_guard_off(tmp_path: Path) -> None:
    # Any installed package may ship a module named sitecustomize; Python imports the first it
    # finds, so a guard living in one would silently stop loading. Ours comes from a .pth file.
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "sitecustomize.py").write_text("SHADOWED = True\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sitecustomize; print(sitecustomize.SHADOWED)\n" + GOES_ONLINE,
        ],
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(shadow), os.environ.get("PYTHONPATH", "")]),
            "FIELD_GUIDE_NETWORK_LOG": str(tmp_path / "refused.log"),
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.startswith("True"), done.stdout + done.stderr  # the other sitecustomize ran
    assert done.returncode != 0
    assert "examples run offline" in done.stderr, done.stderr[-2000:]


HELPER = """\
def each(values, callback):
    print("from the helper, not from the example")
    for value in values:
        callback(value)
"""
PRINTS = """\
from helper import each


def show(value):
    print(f"value {value}")


print("first")
each([1, 2], show)
"""


def test_prints_are_recorded_as_pytest_examples_records_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The harness's cheaper print stand-in records what pytest-examples' own does: the example's
    prints at their lines, even when another module calls the function that prints, and no print
    made by code in another file."""
    (tmp_path / "helper.py").write_text(HELPER, encoding="utf-8")
    example = tmp_path / "prints.py"
    example.write_text(PRINTS, encoding="utf-8")
    monkeypatch.syspath_prepend(tmp_path)

    def recorded(record_print) -> list[tuple[int, str]]:
        monkeypatch.setattr(run_code.MockPrintFunction, "__call__", record_print)
        printed, _ = run_code.run_code(
            example=CodeExample.create(PRINTS, path=example),
            python_file=example,
            loader=None,
            config=ExamplesConfig(),
            enable_print_mock=True,
            print_callback=None,
            include_print=None,
            module_globals=None,
            call=None,
        )
        return [(s.line_no, str(s)) for s in printed.print_func.statements]

    ours = recorded(_record_print)
    assert ours == [(8, "first"), (5, "value 1"), (5, "value 2")]
    assert ours == recorded(PYTEST_EXAMPLES_RECORD_PRINT)
