"""What every benchmark shares: interleaved timing rounds, medians, and the row it reports."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    """How hard to measure: `quick` makes every benchmark tiny (for the smoke test in `make test`)."""

    quick: bool = False

    def rounds(self, full: int) -> int:
        return 1 if self.quick else full

    def repeat(self, full: int) -> int:
        return 2 if self.quick else full


@dataclass(frozen=True)
class Result:
    """One row of the table: `ratio` (SDK / floor, or growth in pages) against `target` (ratio <= target)."""

    name: str
    ratio: float
    target: float | None
    figures: str
    notes: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.target is None:
            return "INFO"
        return "PASS" if self.ratio <= self.target else "MISS"


@dataclass(frozen=True)
class Timing:
    """Per-round seconds of the SDK and of its floor, timed back to back in alternating order."""

    sdk: list[float]
    floor: list[float]

    @property
    def ratio(self) -> float:
        """The median of the per-round ratios (each round's SDK time over the same round's floor time)."""
        return statistics.median(s / f for s, f in zip(self.sdk, self.floor, strict=True))

    def per_op(self, ops: int) -> tuple[float, float]:
        """Median seconds per operation: (SDK, floor)."""
        return statistics.median(self.sdk) / ops, statistics.median(self.floor) / ops


def compare(sdk: Callable[[], object], floor: Callable[[], object], *, rounds: int) -> tuple[Timing, Timing]:
    """Time `sdk` and `floor` once per round, alternating which goes first so drift hits both alike.

    Returns (wall-clock timing, this process's CPU timing). The CPU figure leaves out the fake, which runs in
    another process: it is what the client side alone costs.
    """
    walls: dict[str, list[float]] = {"sdk": [], "floor": []}
    cpus: dict[str, list[float]] = {"sdk": [], "floor": []}
    order = [("sdk", sdk), ("floor", floor)]
    for index in range(rounds):
        for name, fn in order if index % 2 == 0 else order[::-1]:
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            cpus[name].append(time.process_time() - cpu)
            walls[name].append(time.perf_counter() - wall)
    return Timing(walls["sdk"], walls["floor"]), Timing(cpus["sdk"], cpus["floor"])


def micros(seconds: float) -> str:
    """`612 µs` / `3.41 ms` / `1.20 s`, for the figures column."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"
