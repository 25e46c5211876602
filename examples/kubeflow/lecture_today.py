# Kubeflow Pipelines example
from kfp import dsl

@dsl.component(base_image="python:3.11")
def train_model(data_path: str) -> str:
    # Training logic
    return "model.pkl"

@dsl.pipeline(name="ml-training")
def ml_pipeline(data_path: str):
    train_task = train_model(data_path=data_path)

# Compile and run
from kfp import compiler
compiler.Compiler().compile(ml_pipeline, 'pipeline.yaml')
