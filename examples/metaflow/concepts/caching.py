"""No built-in step cache: Metaflow never skips a step because its inputs or code are unchanged.
The closest is `resume` (`python caching.py resume end`, or `Runner.resume`): a new run that
clones the results of the steps before the one you name from an earlier run, keyed by nothing but
that choice, and runs the rest."""

import sys
from pathlib import Path

from metaflow import FlowSpec, Runner, step

CALLS = Path("calls.txt")


class CachingFlow(FlowSpec):
    @step
    def start(self):
        with CALLS.open("a") as f:
            f.write("start computed\n")
        self.total = sum(i * i for i in range(1000))  # the expensive part
        self.next(self.end)

    @step
    def end(self):
        self.report = f"total={self.total}"


if __name__ == "__main__":
    if sys.argv[1:]:  # Metaflow's command line: the Runner and every step's process start here
        CachingFlow()
    else:
        with Runner(__file__, show_output=False) as runner:
            first = runner.run().run
            second = runner.resume(step_to_rerun="end", origin_run_id=first.id).run
            print(f"second run: {second.data.report}")
            #> second run: total=332833500
            print(CALLS.read_text().splitlines())  # start ran once
            #> ['start computed']
            cloned = second["start"].task.origin_pathspec == first["start"].task.pathspec
            print(f"start cloned from the first run: {cloned}")
            #> start cloned from the first run: True
            print(f"end cloned: {second['end'].task.origin_pathspec is not None}")
            #> end cloned: False
