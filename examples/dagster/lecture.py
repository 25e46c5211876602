# Dagster example
from dagster import asset, Definitions

@asset
def raw_data():
    return load_raw_data()

@asset
def processed_data(raw_data):
    return clean(raw_data)

@asset
def trained_model(processed_data):
    return train(processed_data)

defs = Definitions(assets=[raw_data, processed_data, trained_model])
