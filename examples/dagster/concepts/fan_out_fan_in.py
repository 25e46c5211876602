"""Dynamic fan-out: an op with `dg.DynamicOut` yields one `dg.DynamicOutput` per item found at run
time, `.map()` runs the next op once per item and `.collect()` hands every result to one op."""

import dagster as dg


@dg.op(out=dg.DynamicOut())
def list_shards():
    shards = ["2026-11-01", "2026-11-02", "2026-11-03"]  # known only when this op runs
    for shard in shards:
        # mapping_key names each copy of the mapped op: letters, digits and underscores only.
        yield dg.DynamicOutput(shard, mapping_key=shard.replace("-", "_"))


@dg.op
def count_rows(shard: str) -> int:
    return int(shard[-2:]) * 100  # stands in for reading one shard


@dg.op
def total(counts: list[int]) -> int:
    return sum(counts)


@dg.job
def row_count():
    total(list_shards().map(count_rows).collect())


result = row_count.execute_in_process()  # ops and jobs run in-process like assets do
for event in result.all_events:
    if event.event_type_value == "STEP_SUCCESS":
        print(f"ran step {event.step_key}")
        #> ran step list_shards
        #> ran step count_rows[2026_11_01]
        #> ran step count_rows[2026_11_02]
        #> ran step count_rows[2026_11_03]
        #> ran step total
print(f"total: {result.output_for_node('total')}")
#> total: 600
