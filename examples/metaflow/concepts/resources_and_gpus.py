"""`@resources(cpu=2, memory=8000, gpu=1)` asks for two CPUs, 8,000 MB of memory and one GPU for
a step. It has no effect on a local run, like this one: the request applies when the step runs on
Kubernetes or AWS Batch (`@kubernetes`, `@batch`, or `run --with kubernetes`). Nothing here was
scheduled on a GPU."""

import sys

from metaflow import FlowSpec, Runner, resources, step


class ResourcesFlow(FlowSpec):
    @resources(cpu=2, memory=8000, gpu=1)
    @step
    def start(self):
        self.model = "trained"  # ran here as a local process, on this machine's CPU
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    if sys.argv[1:]:  # Metaflow's command line: the Runner and every step's process start here
        ResourcesFlow()
    else:
        with Runner(__file__, show_output=False).run() as running:
            print(f"run: {running.status}")
            #> run: successful
            # What Metaflow records: the flow's graph, with each step's decorators and arguments,
            # stored with the run (the `_graph_info` artifact).
            graph = running.run["start"].task["_graph_info"].data
            (decorator,) = graph["steps"]["start"]["decorators"]
            request = {key: decorator["attributes"][key] for key in ("cpu", "memory", "gpu")}
            print(f"@{decorator['name']}: {request}")
            #> @resources: {'cpu': 2, 'memory': 8000, 'gpu': 1}
