"""How the examples sessions' two pytest workers share the tests out.

pytest-xdist's default (`--dist load`) hands out tests one by one, so a test that reads what an
example's run left behind can land on the other worker and run the example again (Kubeflow's
pipeline takes 10 s). Here each test is its own unit, as under `load`, except that the tests whose
id names the same example file form one unit, which one worker runs in file order. Such a test
takes the file as its parameter: see `pipeline_run` in test_kubeflow.py.

xdist's own `--dist loadgroup` would do this with a marker, but does not group under pytest 9: its
worker sets `item._nodeid`, which pytest 9 no longer reads.
"""

from __future__ import annotations

import pytest
from xdist.scheduler import LoadScopeScheduling


class ByExampleRun(LoadScopeScheduling):
    """One unit per test, and one per example file for the tests whose id is that file."""

    def _split_scope(self, nodeid: str) -> str:
        module, _, test = nodeid.partition("::")
        parameter = test[test.find("[") + 1 : -1] if test.endswith("]") else ""
        return f"{module}[{parameter}]" if parameter.startswith("examples/") else nodeid


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log) -> LoadScopeScheduling | None:
    """`-n 2` (xdist's `--dist load`) schedules by example run; any other `--dist` is left as is."""
    return ByExampleRun(config, log) if config.getoption("dist") == "load" else None
