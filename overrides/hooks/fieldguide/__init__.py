"""Build-time generation for the Orchestrator Field Guide: data model, lock versions, renderers."""
