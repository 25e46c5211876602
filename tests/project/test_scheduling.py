"""The examples sessions' scheduler (tests/examples/scheduling.py): tests that share an example's
run go to one worker, after that example's own test; the other tests still spread over both."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

SUITE = """
import os
import pytest

def record(request):
    with open(os.environ["RAN_LOG"], "a") as log:
        print(os.environ["PYTEST_XDIST_WORKER"], request.node.name, file=log)

@pytest.mark.parametrize("example", ["examples/a.py", "examples/b.py", "examples/c.py", "examples/d.py"])
def test_example(example, request):
    record(request)

@pytest.fixture(params=["examples/a.py"])
def a_run(request):
    return request.param

def test_reads_a(a_run, request):
    record(request)

def test_reads_a_again(a_run, request):
    record(request)

def test_unrelated(request):
    record(request)
"""


def test_tests_naming_one_example_run_on_one_worker_in_file_order(tmp_path):
    (tmp_path / "test_suite.py").write_text(SUITE)
    log = tmp_path / "ran.log"
    env = {**os.environ, "RAN_LOG": str(log), "PYTHONPATH": str(ROOT / "tests" / "examples")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "-p", "scheduling", "-p", "no:cacheprovider", "-v",
         str(tmp_path / "test_suite.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "scheduling tests via ByExampleRun" in done.stdout

    ran = [line.split() for line in log.read_text().splitlines()]
    assert sorted(test for _, test in ran) == sorted(
        [f"test_example[examples/{x}.py]" for x in "abcd"]
        + ["test_reads_a[examples/a.py]", "test_reads_a_again[examples/a.py]", "test_unrelated"]
    )
    on_a = [(worker, test) for worker, test in ran if test.endswith("[examples/a.py]")]
    assert [test for _, test in on_a] == [
        "test_example[examples/a.py]",
        "test_reads_a[examples/a.py]",
        "test_reads_a_again[examples/a.py]",
    ]
    assert len({worker for worker, _ in on_a}) == 1, on_a
    assert {worker for worker, _ in ran} == {"gw0", "gw1"}, "the other tests went to one worker"
