"""`python -m bench [--quick] [--strict] [name ...]`: run the benchmarks and print one table of all of them."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Sequence

from withallo_ext.testing._loopback import no_proxy_with_loopback

from ._harness import Result, Settings

# module name -> what it measures; the order of the table
BENCHMARKS = {
    "numbers": "phone_numbers.list() over a socket",
    "contacts": "contacts.search(size=100) over a socket",
    "async_http": "async client, 200 concurrent requests",
    "webhook": "WebhookReceiver.handle() on a 2 KB body",
    "import_time": "import cost in a fresh interpreter",
    "memory": "iterating 10,000 contacts",
    "models": "parsing in-process: models, contacts.search, phone_numbers.list, webhook .model",
    "bulk_sms": "sms.send_many at the rate limit, 1 and 4 processes",
    "webhook_load": "webhook deliveries behind uvicorn workers",
}


def run(names: Sequence[str], settings: Settings) -> list[Result]:
    """Run the named benchmarks (all when empty), printing progress to stderr."""
    results: list[Result] = []
    for name in names or BENCHMARKS:
        print(f"running {name}: {BENCHMARKS[name]} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        outcome = importlib.import_module(f"bench.{name}").run(settings)
        results.extend(outcome if isinstance(outcome, list) else [outcome])
        print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return results


def table(results: Sequence[Result]) -> str:
    """The results as a plain-text table, notes indented under their row."""
    width = max(len(r.name) for r in results)
    lines = [f"{'benchmark':<{width}}  {'ratio':>6}  {'target':>7}  verdict  figures"]
    lines.append("-" * len(lines[0]) + "-" * 40)
    for r in results:
        target = f"<= {r.target:.2f}" if r.target is not None else "-"
        lines.append(f"{r.name:<{width}}  {r.ratio:>6.2f}  {target:>7}  {r.verdict:<7}  {r.figures}")
        lines.extend(f"{'':<{width}}    note: {note}" for note in r.notes)
    verdicts = [r.verdict for r in results]
    lines.append(f"\n{verdicts.count('PASS')} PASS, {verdicts.count('MISS')} MISS, {verdicts.count('INFO')} INFO")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", choices=[*BENCHMARKS, []], help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="run each benchmark tiny (a smoke test, not a measure)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    # The fake serves on 127.0.0.1: HTTP(S)_PROXY/ALL_PROXY must not capture that traffic. NO_PROXY, not
    # trust_env=False, so that the SDK's clients and the bare httpx floors keep the very same configuration.
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = no_proxy_with_loopback()
    results = run(args.names, Settings(quick=args.quick))
    print(table(results))
    return 1 if args.strict and any(r.verdict == "MISS" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
