"""Three tests: a step's logic kept in a plain function and tested without Metaflow; the whole
flow run with the Runner API, asserting on its artifacts; and one step run on its own with
`Runner.spin` (new in 2.19), which Metaflow's docs suggest for unit tests of a step, here with
its input artifacts overridden by a module."""

import sys
from pathlib import Path

from metaflow import FlowSpec, Runner, step


def clean(values: list[float]) -> list[float]:
    return [v for v in values if v >= 0]


class MeanFlow(FlowSpec):
    @step
    def start(self):
        self.values = [2.0, -1.0, 4.0]
        self.next(self.transform)

    @step
    def transform(self):
        self.cleaned = clean(self.values)
        self.next(self.end)

    @step
    def end(self):
        self.mean = sum(self.cleaned) / len(self.cleaned)


def test_clean_drops_negative_values():
    assert clean([1.0, -2.0, 3.0]) == [1.0, 3.0]


def test_flow_end_to_end():
    with Runner(__file__, show_output=False).run() as running:
        assert running.status == "successful"
        assert running.run.data.mean == 3.0


def test_transform_step_with_spin():
    # spin runs one step with the inputs it had in the latest run (test_flow_end_to_end's), here
    # overridden by the module's ARTIFACTS; persist=True keeps its outputs in .metaflow_spin/.
    Path("inputs.py").write_text('ARTIFACTS = {"values": [5.0, -3.0, 0.0]}\n')
    runner = Runner(__file__, show_output=False)
    with runner.spin("transform", persist=True, artifacts_module="inputs.py") as spun:
        assert spun.task["cleaned"].data == [5.0, 0.0]


if __name__ == "__main__":
    if sys.argv[1:]:  # Metaflow's command line: the Runner and every step's process start here
        MeanFlow()
    else:
        for test in (
            test_clean_drops_negative_values,
            test_flow_end_to_end,
            test_transform_step_with_spin,
        ):
            test()
            print(f"{test.__name__} passed")
            #> test_clean_drops_negative_values passed
            #> test_flow_end_to_end passed
            #> test_transform_step_with_spin passed
