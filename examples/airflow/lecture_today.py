# Airflow DAG example
from airflow.sdk import DAG, task
from datetime import datetime

with DAG(
    "ml_training_pipeline",
    start_date=datetime(2023, 1, 1),
    schedule="@daily"
) as dag:

    @task
    def extract():
        return "data/raw.csv"

    @task
    def transform(path):
        return "data/processed.csv"

    @task
    def train(path):
        return "models/model.pkl"

    raw = extract()
    processed = transform(raw)
    model = train(processed)

if __name__ == "__main__":
    run = dag.test()
    print(run.state)
    #> success
