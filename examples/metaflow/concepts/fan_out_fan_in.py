"""`self.next(self.process, foreach="parts")` starts one `process` task per item of a list the
`start` step builds at run time (`self.input` is each task's item); the join step receives all
of them as `inputs`. Every foreach must be joined before `end`."""

import sys

from metaflow import FlowSpec, Parameter, Runner, step


class FanOutFlow(FlowSpec):
    n = Parameter("n", default=3)

    @step
    def start(self):
        self.parts = [f"part-{i}" for i in range(1, self.n + 1)]  # known only at run time
        self.next(self.process, foreach="parts")

    @step
    def process(self):
        self.part = self.input
        self.rows = 10 * int(self.part.removeprefix("part-"))
        self.next(self.join)

    @step
    def join(self, inputs):
        self.rows_by_part = {i.part: i.rows for i in inputs}
        self.total = sum(self.rows_by_part.values())
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    if sys.argv[1:]:  # Metaflow's command line: the Runner and every step's process start here
        FanOutFlow()
    else:
        with Runner(__file__, show_output=False).run() as running:
            run = running.run
            print(f"process ran {len(list(run['process']))} tasks")
            #> process ran 3 tasks
            print(run.data.rows_by_part)
            #> {'part-1': 10, 'part-2': 20, 'part-3': 30}
            print(f"total={run.data.total}")
            #> total=60
