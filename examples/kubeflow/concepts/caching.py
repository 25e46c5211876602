"""The second run of an unchanged task is served from KFP's cache. Locally (kfp 2.17,
`local.init(enable_caching=True)`) the key hashes the component's name, image and command (which
holds the function's source), its inputs and its environment, unless
`task.set_caching_options(enable_caching=True, cache_key=...)` names a key; a KFP backend caches
every task by default."""

from pathlib import Path

from kfp import dsl, local

IMAGE = "python:3.11"


@dsl.component(base_image=IMAGE)
def square(x: int, log_file: str) -> int:
    with open(log_file, "a") as log:  # a side effect, to count real executions
        log.write(f"computed {x} squared\n")
    return x * x


@dsl.pipeline(name="squares")
def squares(x: int, log_file: str) -> int:
    return square(x=x, log_file=log_file).output


if __name__ == "__main__":
    # Cache entries are JSON files under local_outputs/.kfp_cache/ (or `cache_root=`).
    local.init(
        runner=local.SubprocessRunner(use_venv=False),
        pipeline_root="local_outputs",
        enable_caching=True,
    )
    log_file = Path("executions.log").resolve()
    for x in (3, 3, 4):  # the second run is unchanged, the third has a new input
        print(f"squares(x={x}) ->", squares(x=x, log_file=str(log_file)).output)
        #> squares(x=3) -> 9
        #> squares(x=3) -> 9
        #> squares(x=4) -> 16

    print("executions:", log_file.read_text().splitlines())
    #> executions: ['computed 3 squared', 'computed 4 squared']
    print("cache entries:", len(list(Path("local_outputs/.kfp_cache").glob("*.json"))))
    #> cache entries: 2
