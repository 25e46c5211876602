"""The concept pages: one idea (retries, caching, fan-out...) shown in every tool, each cell run.

`docs/data/concepts.yaml` lists the concepts in order, and where a tool has no such feature, says
so with a link. Each cell is the file (or files) `examples/<tool>/concepts/<concept>.*`, which
the tool's examples session runs (or, for Argo and Tekton, validates); a tool that is no longer
a draft must have a cell for every concept, or the build stops.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from .datafile import Problem, Source, validate
from .model import HttpsUrl, OneLine, Slug, Strict

CONCEPTS_FILE = "docs/data/concepts.yaml"
"""Where the list of concepts lives, relative to the repository root."""
STUB = "Draft: not written yet."
"""How a scaffolded cell's docstring begins until its contributor writes it."""
CELL_SUFFIXES = (".py", ".yaml")


class Concept(Strict):
    """One idea, shown in every tool on its own page, `docs/concepts/<id>.md`."""

    id: Slug
    title: OneLine
    summary: OneLine
    """What a reader learns from the page, in one line (the concepts index shows it)."""

    @property
    def stem(self) -> str:
        """The cells' file name: `retries-and-timeouts` -> `retries_and_timeouts`."""
        return self.id.replace("-", "_")


class Gap(Strict):
    """A tool without the feature a concept shows: said in one line, with where it is documented."""

    tool: Slug
    concept: Slug
    says: OneLine
    """What is missing, and what the cell's code does instead."""
    link: HttpsUrl
    """The tool's documentation or issue that confirms it."""


class ConceptsData(Strict):
    """The whole concepts file: the concepts in page order, and the features tools lack."""

    concepts: Annotated[list[Concept], Field(min_length=1)]
    gaps: list[Gap] = Field(default_factory=list)

    def gap(self, tool: str, concept: str) -> Gap | None:
        return next((g for g in self.gaps if (g.tool, g.concept) == (tool, concept)), None)


def cell_files(root: Path, slug: str, concept: Concept) -> list[Path]:
    """The files of one tool's cell, in the order the page shows them."""
    folder = root / "examples" / slug / "concepts"
    return sorted(
        p for p in folder.glob(f"{concept.stem}*") if p.suffix in CELL_SUFFIXES and p.is_file()
    )


def is_stub(path: Path) -> bool:
    return STUB in path.read_text(encoding="utf-8")[:200]


def load_concepts(root: Path, *, tools: dict[str, bool]) -> ConceptsData:
    """Read the concepts and check every cell: present for finished tools, pages existing.

    Args:
        root: The repository root.
        tools: Each tool's slug, and whether it is a draft (drafts may leave cells unwritten).

    Raises:
        DataError: Every problem found, one line each.
    """
    source = Source(root / CONCEPTS_FILE, root)
    data, problems = validate(source, (), ConceptsData, source.raw)
    if data is None:
        raise source.error(problems)
    ids = [c.id for c in data.concepts]
    for i, concept in enumerate(data.concepts):
        if not (root / "docs" / "concepts" / f"{concept.id}.md").exists():
            problems.append(source.problem(("concepts", i, "id"), f"has no page: create docs/concepts/{concept.id}.md"))  # fmt: skip
        for slug, draft in tools.items():
            files = cell_files(root, slug, concept)
            if draft:
                continue
            where = f"examples/{slug}/concepts/{concept.stem}.py (or .yaml)"
            if not files:
                problems.append(source.problem(("concepts", i, "id"), f"tool '{slug}' has no cell: write {where}, or mark the tool a draft"))  # fmt: skip
            elif any(is_stub(f) for f in files):
                problems.append(source.problem(("concepts", i, "id"), f"tool '{slug}' still has the scaffold's stub in {where}"))  # fmt: skip
    for i, gap in enumerate(data.gaps):
        if gap.tool not in tools:
            problems.append(source.problem(("gaps", i, "tool"), f"unknown tool '{gap.tool}' (tools: {', '.join(tools)})"))  # fmt: skip
        if gap.concept not in ids:
            problems.append(source.problem(("gaps", i, "concept"), f"unknown concept '{gap.concept}' (concepts: {', '.join(ids)})"))  # fmt: skip
    if problems:
        raise source.error(problems)
    return data


def missing_cells(root: Path, slug: str, data: ConceptsData) -> list[str]:
    """The concepts a (draft) tool has not written yet: no file, or the scaffold's stub."""
    return [
        c.id
        for c in data.concepts
        if not cell_files(root, slug, c) or any(is_stub(f) for f in cell_files(root, slug, c))
    ]


__all__ = ["CONCEPTS_FILE", "Concept", "ConceptsData", "Gap", "Problem", "load_concepts"]
