"""Anything a step assigns to `self` is an artifact: Metaflow pickles it into the datastore when
the step ends and loads it in the next step, which may run in another process or on another
machine. A file travels the same way, as its bytes; a bare path would only work where every step
shares one disk, as in a local run."""

import sys
from pathlib import Path

from metaflow import FlowSpec, Runner, step


class PassingDataFlow(FlowSpec):
    @step
    def start(self):
        self.scores = [3, 1, 4, 1, 5, 9, 2, 6]  # a value
        report = Path("report.csv")
        report.write_text("score\n" + "".join(f"{s}\n" for s in sorted(self.scores)))
        self.report = report.read_bytes()  # a file, as bytes
        self.next(self.end)

    @step
    def end(self):
        rows = self.report.decode().splitlines()[1:]
        self.summary = f"max={max(self.scores)} from the value, {len(rows)} rows from the file"


if __name__ == "__main__":
    if sys.argv[1:]:  # Metaflow's command line: the Runner and every step's process start here
        PassingDataFlow()
    else:
        with Runner(__file__, show_output=False).run() as running:
            task = running.run["start"].task
            print(running.run.data.summary)
            #> max=9 from the value, 8 rows from the file
            # Where they are: the local datastore (.metaflow/ in the working directory, or the
            # nearest one above it, unless METAFLOW_DATASTORE_SYSROOT_LOCAL says otherwise) keeps
            # each artifact once, under the SHA-1 of its pickled content; S3, Azure or GCS in
            # production.
            store = Path(task.metadata_dict["ds-root"]) / "PassingDataFlow" / "data"
            for name in ("scores", "report"):
                artifact = task[name]
                stored = (store / artifact.sha[:2] / artifact.sha).is_file()
                kind = type(artifact.data).__name__
                print(f"{name} ({kind}): in .metaflow/PassingDataFlow/data/<sha1>: {stored}")
                #> scores (list): in .metaflow/PassingDataFlow/data/<sha1>: True
                #> report (bytes): in .metaflow/PassingDataFlow/data/<sha1>: True
