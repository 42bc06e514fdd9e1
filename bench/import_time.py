"""Import cost in a fresh interpreter versus `import httpx`: target median ratio <= 2.0.

Two rows: `import withallo_ext` as the target states it (the package's names load lazily, so this is cheap), and
`from withallo_ext import WithalloClient`, what a user actually runs. httpx's optional CLI (click, rich, pygments)
is blocked in every run: `pip install withallo` does not bring it, and with it `import httpx` costs twice as
much, which would flatter the ratio. Diagnose with `python -X importtime -c "from withallo_ext import ..."`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

from ._harness import Result, Settings, micros
from ._serve import REPO

FLOOR = "import httpx"
CASES = ("import withallo_ext", "from withallo_ext import WithalloClient", "from withallo_ext import WebhookReceiver")
_BLOCK_CLI = "import sys; sys.modules.update(dict.fromkeys(('click', 'rich', 'pygments')))"


def import_seconds(statement: str) -> float:
    """Seconds `statement` takes in a new interpreter (interpreter start-up left out)."""
    code = f"{_BLOCK_CLI}; import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return float(done.stdout)


def run(settings: Settings) -> list[Result]:
    rounds = settings.rounds(9)
    times: dict[str, list[float]] = {statement: [] for statement in (FLOOR, *CASES)}
    for _ in range(rounds):
        for statement in times:
            times[statement].append(import_seconds(statement))
    floor = statistics.median(times[FLOOR])
    results = []
    for statement in CASES:
        ratios = [t / f for t, f in zip(times[statement], times[FLOOR], strict=True)]
        results.append(
            Result(
                name=f"`{statement}` vs `{FLOOR}` (fresh interpreter)",
                ratio=statistics.median(ratios),
                target=2.0 if statement != CASES[2] else None,
                figures=f"{micros(statistics.median(times[statement]))} vs {micros(floor)}",
            )
        )
    return results
