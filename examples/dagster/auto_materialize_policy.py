"""The older auto-materialize policy API still loads, but every part of it is deprecated."""

import warnings

import dagster as dg

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")

    @dg.asset(auto_materialize_policy=dg.AutoMaterializePolicy.eager())
    def model() -> float:
        return 1.0


# The warnings announce removal in 1.9 or 1.10; the API is kept for old serialized state.
deprecated = sorted({str(w.message).split(" is deprecated")[0] for w in caught})
for what in deprecated:
    print(f"deprecated: {what}")
    #> deprecated: Class `AutoMaterializePolicy`
    #> deprecated: Function `AutoMaterializePolicy.eager`
    #> deprecated: Parameter `auto_materialize_policy`
    #> deprecated: Parameter `auto_materialize_policy` of function `asset`
print(f"still importable in dagster {dg.__version__}")
#> still importable in dagster 1.13.29
