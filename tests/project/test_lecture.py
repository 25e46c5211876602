"""The lecture on record: quoted exactly, complete, and the only place the site takes it from."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, write_lecture
from fieldguide.datafile import DataError
from fieldguide.facts import load_site
from fieldguide.lecture import LECTURE_FILE, load_lecture, mojibake

SCALES = {"local": ["poor", "good"], "ui": ["none", "rich"]}


def load(repo, record):
    write_lecture(repo, record)
    return load_lecture(repo, tools=["alpha", "beta"], criteria=SCALES)


def problems(repo, record) -> list[str]:
    with pytest.raises(DataError) as info:
        load(repo, record)
    lines = str(info.value).splitlines()
    assert all(line.startswith(LECTURE_FILE) for line in lines)
    return lines


def test_valid_record_loads(repo, valid_lecture):
    lecture = load(repo, valid_lecture)
    assert lecture.about("alpha").best_for.said == "Small teams."
    assert lecture.cells() == {
        ("alpha", "local"): ("Poor", "poor"),
        ("beta", "local"): ("Poor", "poor"),
    }


def test_a_quote_not_in_the_text_is_refused(repo, valid_lecture):
    valid_lecture["tools"][0]["pros"][0]["said"] = "Fastest to start"
    (line,) = problems(repo, valid_lecture)
    assert (
        "tool 'alpha', field 'pros.0.said': not in docs/data/lecture.txt: quote the lecture exactly"
        in line
    )


def test_an_unknown_tool_or_criterion_says_what_to_do(repo, valid_lecture):
    valid_lecture["tools"][0]["tool"] = "gamma"
    valid_lecture["table"]["rows"][0]["criterion"] = "speed"
    lines = problems(repo, valid_lecture)
    assert any(
        "tool 'gamma', field 'tool': unknown tool 'gamma': add it to the comparison data" in ln
        for ln in lines
    )
    assert any("field 'table.rows.0.criterion': unknown criterion 'speed'" in ln for ln in lines)


def test_a_word_with_no_mapping_says_what_to_add(repo, valid_lecture):
    valid_lecture["table"]["rows"][0]["cells"]["Beta"] = "Great"
    (line,) = problems(repo, valid_lecture)
    assert (
        "the word 'Great' has no mapping: add it to this row's 'means' with a value of 'local' (scale: poor, good)"
        in line
    )


def test_a_code_block_that_differs_from_its_example_is_refused(repo, valid_lecture):
    (repo / "examples" / "alpha" / "lecture.py").write_text('print("alpha")  # tidied\n')
    (line,) = problems(repo, valid_lecture)
    assert "examples/alpha/lecture.py differs from the lecture's code block" in line


def test_today_needs_its_reasons(repo, valid_lecture):
    valid_lecture["tools"][0]["code"]["changes"] = []
    (line,) = problems(repo, valid_lecture)
    assert "'today' needs 'changes'" in line


def test_the_title_must_match_the_text_as_mis_encoded(repo, valid_lecture):
    assert mojibake("\u2013") == "\u00e2\u20ac\u201c"
    valid_lecture["title"] = "Lecture 0.1 - Tools"
    (line,) = problems(repo, valid_lecture)
    assert "does not hold this title" in line


# The real record, against the real lecture


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)


@pytest.fixture(scope="module")
def text(site) -> str:
    return (ROOT / site.lecture.text).read_text(encoding="utf-8")


def test_the_kept_text_is_the_lecture_byte_for_byte(site, text):
    assert text.startswith(f"# {mojibake(site.lecture.title)}\n")
    assert len(text.encode()) == 6411


def test_every_bullet_and_best_for_line_is_on_record(site, text):
    said = {quote.said for _, quote in site.lecture.quotes()}
    bullets = re.findall(r"^- (.+)$", text, re.M)
    best_for = re.findall(r"^Best for: (.+)$", text, re.M)
    assert len(bullets) == 57 and len(best_for) == 6  # the lecture's own counts
    assert [b for b in bullets + best_for if b not in said] == []


def test_every_tool_paragraph_is_on_record(site, text):
    """Each tool's introducing paragraph ("Prefect. A newer alternative ...") is quoted in full."""
    for about in site.lecture.tools:
        intro = " ".join(q.said for q in about.intro)
        paragraph = next(p for p in text.split("\n\n") if p.endswith(intro))
        name = paragraph.removesuffix(intro).strip()
        assert re.fullmatch(r"[A-Z][\w ]+\.", name), f"{about.tool}: {paragraph!r}"


def test_every_code_block_is_on_record(site, text):
    blocks = re.findall(r"^```python\n(.*?)^```$", text, re.M | re.S)
    assert sorted(t.code.block for t in site.lecture.tools if t.code) == sorted(blocks)


def test_every_scenario_and_the_recommendation_are_on_record(site, text):
    headings = re.findall(r"^(For [^\n]+:)$", text, re.M)
    assert [s.heading for s in site.lecture.choose] == headings
    paragraph = next(p for p in text.split("\n\n") if p.startswith("My personal recommendation"))
    assert " ".join(q.said for q in site.lecture.recommendation) == paragraph


def test_the_table_is_on_record_word_for_word(site, text):
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("|") and not line.startswith("|--")
    ]
    header, *body = rows
    table = site.lecture.table
    assert header == ["Feature", *table.columns]
    assert body == [[row.feature, *row.cells.values()] for row in table.rows]


# No invented attributions

ALLOWED_FRAMING = {
    "## What the lecture said, checked today",
    "## The lecture's code, then and now",
    "## The lecture's table {#the-lectures-table}",
    "# The lecture, checked",
}
"""Headings that introduce the record's rendered quotes; no other page text may name the lecture,
except the sentences in FRAMING_SENTENCES."""

FRAMING_SENTENCES = [
    "This guide grew out of a lecture, \u201cLecture 9.3 \u2013 Overview of Common Orchestrators\u201d.",
    "Every point it makes is quoted and checked against today's releases, and its four code examples run as written on each tool's page, where they fail, and beside the smallest change that runs.",
    "This page quotes every point it makes, in its order, each with today's verdict: holds, changed, or needs qualifying, with the reason and the evidence.",
    "The quotes come from the lecture's record (docs/data/lecture.yaml), which the build checks word for word against the lecture's full text; the verdicts are this guide's.",
    "Each section below first quotes the lecture this guide grew out of, with today's verdict on each piece of its advice, then gives this guide's own advice, which cites the comparison so that the two cannot drift apart.",
    "The first seven criteria are the rows of the lecture's table; a cell marked lecture: … is one where today's rating differs from what the lecture's word maps to, and its reason says why (the lecture's table, mapped, is further down).",
    "The table from the lecture this guide grew out of, exactly as it was, then each of its words mapped onto this guide's scale and compared with today's rating of the same cell.",
    "description: Every point of Lecture 9.3, Overview of Common Orchestrators, quoted exactly, each with today's verdict and its evidence.",
]
"""Sentences that say where the site's quotes come from, and nothing the lecture said."""


def prose(markdown: str) -> str:
    """Page text as a reader reads it, without markers, link targets, code, emphasis or quotes."""
    markdown = re.sub(r"<!--.*?-->|^---$", "", markdown, flags=re.S | re.M)
    markdown = re.sub(r"\]\([^)]*\)", "]", markdown)
    markdown = re.sub(r"[`*\[\]\"\u201c\u201d]", "", markdown)
    return " ".join(markdown.split())


READER_PAGES = sorted(
    p for p in (ROOT / "docs").rglob("*.md") if p.name not in {"contributing.md", "reference.md"}
)
"""Every page but the two for contributors, which document the record's files, not its words."""


@pytest.mark.parametrize("page", READER_PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_pages_say_nothing_of_the_lecture_outside_the_record(page):
    text = page.read_text(encoding="utf-8")
    framing = [prose(s) for s in FRAMING_SENTENCES]
    for paragraph in re.split(r"\n\s*\n", text):
        if paragraph.startswith(":::"):
            continue  # a mkdocstrings directive: it names the module, the reference renders it
        lines = [ln for ln in paragraph.splitlines() if ln.strip() not in ALLOWED_FRAMING]
        body = prose("\n".join(lines))
        for sentence in framing:
            body = body.replace(sentence, "")
        assert not re.search(r"\blecture", body, re.I), (
            f"{page.relative_to(ROOT)}: speaks of the lecture outside its record: {body[:160]!r}. "
            "Quote it through a guide:lecture-* marker, or add a framing sentence to this test."
        )


def test_examples_say_nothing_of_the_lecture():
    """Only the lecture's own code and its transcript may; the comparison data never does."""
    said = [
        p.relative_to(ROOT).as_posix()
        for p in [*(ROOT / "examples").rglob("*.py"), ROOT / "docs" / "data" / "comparison.yaml"]
        if not p.name.startswith("lecture")
        for line in p.read_text(encoding="utf-8").splitlines()
        # a path such as examples/prefect/lecture.py names a file, not the lecture's words
        if re.search(r"\blecture", re.sub(r"\S*/\S*", "", line), re.I)
        and not line.lstrip().startswith("#")
    ]
    assert said == []
