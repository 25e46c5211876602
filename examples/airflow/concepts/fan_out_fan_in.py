"""Fan-out and fan-in with dynamic task mapping: `.expand()` creates one task instance per item
of a list that an upstream task returns at run time, and a downstream task receives all their
results as one lazy sequence."""

from airflow.sdk import dag, task


@task
def list_documents() -> list[str]:
    # Known only when the DAG runs (think: the files that arrived today).
    return ["to be or not to be", "the rest is silence", "brevity is the soul of wit"]


@task
def count_words(document: str) -> int:
    return len(document.split())


@task
def total(counts) -> None:
    counts = list(counts)  # one result per mapped task instance, in map_index order
    print(f"{len(counts)} mapped task instances counted {counts}, total {sum(counts)}")
    #> 3 mapped task instances counted [6, 4, 6], total 16


@dag(schedule=None)
def concept_fan_out_fan_in():
    total(count_words.expand(document=list_documents()))


pipeline = concept_fan_out_fan_in()

if __name__ == "__main__":
    run = pipeline.test()
