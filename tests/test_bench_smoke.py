"""Each benchmark of bench/ runs once, tiny, so that `make test` keeps `make bench` working.

No timing is asserted here (timings belong to `make bench`): only that every benchmark runs to the end, compares
like with like (each checks the SDK and its floor fetched the same thing) and reports a figure and a verdict.
"""

from __future__ import annotations

import math

import pytest

from bench.__main__ import BENCHMARKS, run, table
from bench._harness import Settings


@pytest.mark.parametrize("name", list(BENCHMARKS))
def test_benchmark_runs_tiny_and_reports_a_row(name: str) -> None:
    results = run([name], Settings(quick=True))

    assert results, f"{name} reported nothing"
    for result in results:
        assert math.isfinite(result.ratio)
        assert result.ratio > 0
        assert result.figures
        assert result.verdict in {"PASS", "MISS", "INFO"}
        assert result.name in table(results)
