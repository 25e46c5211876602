"""`self.next({"deploy": self.deploy, "retrain": self.retrain}, condition="route")` runs only the
step whose key matches the value of `self.route` at run time; the branches need no join."""

import sys

from metaflow import FlowSpec, Parameter, Runner, step


class BranchFlow(FlowSpec):
    accuracy = Parameter("accuracy", default=0.93)

    @step
    def start(self):
        self.route = "deploy" if self.accuracy >= 0.9 else "retrain"
        self.next({"deploy": self.deploy, "retrain": self.retrain}, condition="route")

    @step
    def deploy(self):
        self.outcome = f"deployed (accuracy {self.accuracy})"
        self.next(self.end)

    @step
    def retrain(self):
        self.outcome = f"retrained (accuracy {self.accuracy})"
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    if sys.argv[1:]:  # Metaflow's command line: the Runner and every step's process start here
        BranchFlow()
    else:
        with Runner(__file__, show_output=False).run() as running:
            run = running.run
            print(run.data.outcome)
            #> deployed (accuracy 0.93)
            print(f"steps that ran: {sorted(step.id for step in run)}")
            #> steps that ran: ['deploy', 'end', 'start']
