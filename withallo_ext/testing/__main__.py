"""`python -m withallo_ext.testing --port 8010`: serve a FakeAllo on 127.0.0.1 until interrupted."""

from __future__ import annotations

import argparse
import sys
import threading

from withallo_ext._ratelimit import RateLimits
from withallo_ext.errors import InvalidParameterError

from .._validate import is_loopback_host
from ._defaults import DEFAULT_API_KEY
from ._fake import FakeAllo
from ._server import FakeAlloServer, beyond_loopback_warning


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m withallo_ext.testing", description="Serve a fake Allo v1 API on a local port."
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8010, help="port to listen on; 0 picks a free one (default 8010)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated account data (default 0)")
    parser.add_argument("--api-key", default=DEFAULT_API_KEY, help="the raw API key the fake accepts")
    parser.add_argument(
        "--pagination", choices=["nested", "flat"], default="nested", help="how page metadata is sent (default nested)"
    )
    parser.add_argument("--quiet", action="store_true", help="do not print one line per request")
    parser.add_argument(
        "--rate-limits",
        action="store_true",
        help="enforce per-key limits with X-RateLimit-* headers and 429 beyond (Allo's: 20 GET/s, 5 writes/s)",
    )
    parser.add_argument("--get-per-second", type=int, metavar="N", help="GET limit with --rate-limits (default 20)")
    parser.add_argument("--write-per-second", type=int, metavar="N", help="write limit with --rate-limits (default 5)")
    args = parser.parse_args(argv)
    limits = _rate_limits(parser, args)

    if not is_loopback_host(args.host):
        print(f"WARNING: {beyond_loopback_warning(args.host)}", file=sys.stderr, flush=True)
    fake = FakeAllo(seed=args.seed, api_key=args.api_key, pagination=args.pagination, rate_limits=limits)
    log = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    with fake.serve(host=args.host, port=args.port, log=log) as server:
        for line in serving_lines(server, limits):
            print(line, flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("stopped", file=sys.stderr)
    return 0


def serving_lines(server: FakeAlloServer, limits: RateLimits | None) -> list[str]:
    """What a served fake prints once it listens (here and `withallo fake`): where, the key, the limits, how to stop."""
    lines = [
        f"Fake Allo API listening on {server.base_url}",
        f"API key (Authorization header, no Bearer): {server.api_key}",
    ]
    if limits is not None:
        lines.append(f"Rate limits per key: {limits.get_per_second} GET/s, {limits.write_per_second} writes/s")
    lines.append(f"  export WITHALLO_BASE_URL={server.base_url} WITHALLO_API_KEY={server.api_key}")
    lines.append("Press Ctrl-C to stop.")
    return lines


def _rate_limits(parser: argparse.ArgumentParser, args: argparse.Namespace) -> RateLimits | None:
    """The limits asked for on the command line, or None; a bad number exits with a usage error naming it."""
    custom = {
        name: value
        for name, value in (("get_per_second", args.get_per_second), ("write_per_second", args.write_per_second))
        if value is not None
    }
    if custom and not args.rate_limits:
        parser.error("--get-per-second and --write-per-second need --rate-limits")
    if not args.rate_limits:
        return None
    try:
        return RateLimits(**custom)
    except InvalidParameterError as exc:
        parser.error(f"--{exc.field.replace('_', '-')}: {exc.rule}")


if __name__ == "__main__":
    sys.exit(main())
