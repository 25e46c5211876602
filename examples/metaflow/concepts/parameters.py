"""A `metaflow.Parameter` is a class attribute with a default, typed by that default; each run can
override it: `python parameters.py run --alpha 0.5` on the command line, or `alpha=0.5` in the
Runner API, as here. Parameter values are stored with the run's other artifacts."""

import sys

from metaflow import FlowSpec, Parameter, Runner, step


class ParameterFlow(FlowSpec):
    alpha = Parameter("alpha", help="Learning rate", default=0.01)

    @step
    def start(self):
        self.steps = round(1 / self.alpha)  # available in every step as self.alpha
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    if sys.argv[1:]:  # Metaflow's command line: the Runner and every step's process start here
        ParameterFlow()
    else:
        with Runner(__file__, show_output=False) as runner:
            for overrides in ({}, {"alpha": 0.5}):
                run = runner.run(**overrides).run
                print(f"{overrides or 'defaults'}: alpha={run.data.alpha} steps={run.data.steps}")
                #> defaults: alpha=0.01 steps=100
                #> {'alpha': 0.5}: alpha=0.5 steps=2
