"""What reading a hand-written manifest with Hera catches, and what it lets through."""

from hera.workflows import Workflow
from pydantic import ValidationError

MANIFEST = """\
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-
spec:
  activeDeadlineSeconds: 600
  entrypoint: main
  templates:
  - name: main
    container:
      image: alpine:3.23
      command:
      - echo
      - hello
"""
print(Workflow.from_yaml(MANIFEST).to_yaml() == MANIFEST)
#> True

# A value of the wrong type is rejected: Hera's models are generated from Argo's schema.
try:
    Workflow.from_yaml(MANIFEST.replace("600", "ten minutes"))
except ValidationError as exc:
    error = exc.errors()[0]
    print(".".join(map(str, error["loc"])), error["type"])
    #> spec.activeDeadlineSeconds int_parsing

# A misspelled key is dropped without a word: only comparing the round trip shows it.
typo = MANIFEST.replace("entrypoint", "entrypiont")
print(Workflow.from_yaml(typo).entrypoint, Workflow.from_yaml(typo).to_yaml() == typo)
#> None False
