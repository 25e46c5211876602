"""The lecture's `schedule_interval=` argument no longer exists: Airflow 3 rejects it."""

from datetime import datetime

from airflow.sdk import DAG

try:
    DAG("ml_pipeline", schedule_interval="@daily", start_date=datetime(2023, 1, 1))
except TypeError as error:
    print(error)
    #> DAG.__init__() got an unexpected keyword argument 'schedule_interval'
