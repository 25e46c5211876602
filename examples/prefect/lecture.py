# Prefect flow example
from prefect import flow, task

@task
def extract():
    return "data/raw.csv"

@task
def transform(path):
    return "data/processed.csv"

@task
def train(path):
    return "models/model.pkl"

@flow
def ml_pipeline():
    raw = extract()
    processed = transform(raw)
    model = train(processed)
    return model

# Run locally
ml_pipeline()
