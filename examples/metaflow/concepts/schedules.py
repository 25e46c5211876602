"""`@schedule(cron=..., timezone=...)` on the flow class: it takes effect only once the flow is
deployed to Argo Workflows (the only target that honours `timezone`), AWS Step Functions or
Airflow, which then start the runs; a local `run` starts at once. No built-in backfill: here a
date parameter and a loop of runs, one per past day."""

import sys

from metaflow import FlowSpec, Parameter, Runner, schedule, step


# EventBridge's six-field cron, as Metaflow's docs write it; Argo Workflows uses the first five.
@schedule(cron="0 2 * * ? *", timezone="Europe/Berlin")
class NightlyFlow(FlowSpec):
    day = Parameter("day", default="today")  # scheduled runs pass no values: give a default

    @step
    def start(self):
        self.message = f"refreshed data for {self.day}"
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    if sys.argv[1:]:  # Metaflow's command line: the Runner and every step's process start here
        NightlyFlow()
    else:
        with Runner(__file__, show_output=False) as runner:
            for day in ("2026-11-01", "2026-11-02"):  # the backfill workaround
                run = runner.run(day=day).run
                print(run.data.message)
                #> refreshed data for 2026-11-01
                #> refreshed data for 2026-11-02
            # What Metaflow stores: each run records the flow's graph with its decorators (the
            # `_graph_info` artifact). Nothing computes next run times until a scheduler does.
            graph = run["start"].task["_graph_info"].data
            (decorator,) = graph["decorators"]
            stored = {key: decorator["attributes"][key] for key in ("cron", "timezone")}
            print(f"@{decorator['name']}: {stored}")
            #> @schedule: {'cron': '0 2 * * ? *', 'timezone': 'Europe/Berlin'}
