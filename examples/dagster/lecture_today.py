# Dagster example
from dagster import asset, Definitions, materialize

def load_raw_data():
    return "data/raw.csv"

def clean(path):
    return "data/processed.csv"

def train(path):
    return "models/model.pkl"

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

if __name__ == "__main__":
    result = materialize([raw_data, processed_data, trained_model])
    print(result.output_for_node("trained_model"))
    #> models/model.pkl
