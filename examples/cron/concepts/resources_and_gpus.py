"""No built-in resource requests: a crontab line holds a schedule and a command, and nothing
reserves CPU, memory or a GPU. The closest: the step's process limits itself before it starts
(`resource.setrlimit` for memory, `os.sched_setaffinity` for CPUs) and `CUDA_VISIBLE_DEVICES` says
which GPU CUDA may show it. No GPU exists here, and nothing was scheduled on one."""

import os
import resource
import subprocess
import sys

MEMORY = 2**30  # 1 GiB of address space
GPU = "0"  # the GPU this step may use, by index

# The step, as its own process runs it (in a real project: python3 train.py, which imports torch).
TRAIN = """
import os, resource
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
print(f"memory limit: {soft // 2**20} MiB")
print(f"CPUs it may run on: {len(os.sched_getaffinity(0))}")
print(f"CUDA_VISIBLE_DEVICES={os.environ['CUDA_VISIBLE_DEVICES']}")
try:
    bytearray(2 * soft)
except MemoryError:
    print(f"allocating {2 * soft // 2**20} MiB: MemoryError")
"""


def limit_self() -> None:
    """Runs in the step's process just before it starts: what `ulimit -v` does in a shell."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one CPU, the first allowed


if __name__ == "__main__":
    done = subprocess.run(
        [sys.executable, "-c", TRAIN],
        preexec_fn=limit_self,
        env={**os.environ, "CUDA_VISIBLE_DEVICES": GPU},
        capture_output=True,
        text=True,
        check=True,
    )
    for line in done.stdout.splitlines():
        print(line)
        #> memory limit: 1024 MiB
        #> CPUs it may run on: 1
        #> CUDA_VISIBLE_DEVICES=0
        #> allocating 2048 MiB: MemoryError
    print("nothing was scheduled on a GPU: there is none here, and cron reserves none")
    #> nothing was scheduled on a GPU: there is none here, and cron reserves none
