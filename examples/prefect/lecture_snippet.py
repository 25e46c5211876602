"""The 2023 lecture's Prefect flow, unchanged in form: it still runs on Prefect 3."""

from prefect import flow, task


@task
def extract():
    return [1.0, 2.0, None, 4.0]


@task
def transform(data):
    return [value for value in data if value is not None]


@task
def train(data):
    return sum(data) / len(data)  # a "model" that predicts the mean


@flow
def ml_pipeline():
    data = extract()
    clean = transform(data)
    return train(clean)


if __name__ == "__main__":
    model = ml_pipeline()
    print(f"model={model}")
    #> model=2.3333333333333335
