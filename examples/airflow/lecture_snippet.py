"""The 2023 lecture's DAG, rewritten for Airflow 3: same three operators, current imports."""

from datetime import datetime

# PythonOperator now ships in the standard provider (installed with apache-airflow).
from airflow.providers.standard.operators.python import PythonOperator
from airflow.sdk import DAG


def extract():
    print("extract: pull the raw data")
    #> extract: pull the raw data


def transform():
    print("transform: clean and split it")
    #> transform: clean and split it


def train():
    print("train: fit the model")
    #> train: fit the model


with DAG(
    "lecture_ml_pipeline",
    schedule="@daily",  # `schedule_interval=` was removed in Airflow 3
    start_date=datetime(2023, 1, 1),
    catchup=False,  # the default since Airflow 3; explicit, so no backfill of every day since 2023
) as dag:
    extract_task = PythonOperator(task_id="extract", python_callable=extract)
    transform_task = PythonOperator(task_id="transform", python_callable=transform)
    train_task = PythonOperator(task_id="train", python_callable=train)

    extract_task >> transform_task >> train_task

if __name__ == "__main__":
    run = dag.test()
