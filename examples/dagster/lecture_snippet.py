"""The 2023 lecture's Dagster snippet, as written: the assets load, but materializing them fails."""

import dagster as dg


# The lecture never defined load_raw_data, clean or train (hence the noqa for ruff's F821).
@dg.asset
def raw_data():
    return load_raw_data()  # noqa: F821


@dg.asset
def clean_data(raw_data):
    return clean(raw_data)  # noqa: F821


@dg.asset
def model(clean_data):
    return train(clean_data)  # noqa: F821


# The definitions themselves are valid: Dagster wires the graph from the parameter names...
dg.Definitions.validate_loadable(dg.Definitions(assets=[raw_data, clean_data, model]))
upstream = {
    asset.key.to_user_string(): [key.to_user_string() for key in asset.dependency_keys]
    for asset in (raw_data, clean_data, model)
}
print(upstream)
#> {'raw_data': [], 'clean_data': ['raw_data'], 'model': ['clean_data']}

# ...and the error only appears when the first asset's body runs.
try:
    dg.materialize([raw_data, clean_data, model])
except NameError as error:
    print(f"NameError: {error}")
    #> NameError: name 'load_raw_data' is not defined
