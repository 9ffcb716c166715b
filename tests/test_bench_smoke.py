"""The benchmark's pieces at a tiny scale: generation, the queries, the floor, statement counts."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bench.floor import open_floor
from bench.generate import fill
from bench.run import QUERIES, in_process, query
from sern_graph.seed.synthetic import SyntheticCounts
from tests.databases import drop_database, empty_database


@pytest.fixture(scope="module")
async def tiny(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[dict[float, str]]:
    """Two benchmark databases, at scale 0.01 and 0.02: their URLs."""
    urls: dict[float, str] = {}
    for scale, name in ((0.01, "sern_bench_smoke_a"), (0.02, "sern_bench_smoke_b")):
        url = await empty_database(name, tmp_path_factory.mktemp("bench"))
        await fill(url, scale)
        urls[scale] = url
    yield urls
    for name in ("sern_bench_smoke_a", "sern_bench_smoke_b"):
        await drop_database(name)


def test_scale_one_has_the_benchmark_sizes() -> None:
    counts = SyntheticCounts.at_scale(1)
    assert (counts.organisations, counts.people, counts.board_seats, counts.projects) == (
        5_000,
        20_000,
        30_000,
        2_000,
    )
    assert counts.partnerships == 12_000


def test_reference_queries_exist() -> None:
    for name in QUERIES:
        document, _ = query(name)
        assert document.strip()
        assert (Path("bench/queries") / f"{name}.graphql").exists()


async def test_queries_answer_and_floor_agrees(tiny: dict[float, str]) -> None:
    url = tiny[0.01]
    answers = await in_process(url)
    data = {name: answer for name, (_, answer) in answers.items()}
    assert data["Q1"]["countries"]
    assert data["Q2"]["organisation"]["slug"] == "linkoping"
    assert data["Q2"]["organisation"]["projects"]["edges"]
    assert len(data["Q3"]["projects"]["edges"]) == 50
    assert data["Q4"]["organisations"]["edges"]
    floor = await open_floor(url)
    try:
        for name in ("Q3", "Q4"):
            top = "projects" if name == "Q3" else "organisations"
            theirs = json.loads(await floor.run(name, query(name)[1]))["data"]
            assert len(theirs[top]["edges"]) == len(data[name][top]["edges"]), name
        # More than the counts: the floor answers with exactly the API's data.
        for name in QUERIES:
            assert json.loads(await floor.run(name, query(name)[1]))["data"] == data[name], name
    finally:
        await floor.close()


async def test_statement_counts_do_not_grow_with_the_scale(tiny: dict[float, str]) -> None:
    small = await in_process(tiny[0.01])
    large = await in_process(tiny[0.02])
    assert {name: count for name, (count, _) in small.items()} == {
        name: count for name, (count, _) in large.items()
    }
