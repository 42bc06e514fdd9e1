"""A FakeAllo on 127.0.0.1 in a child process: `python -m bench._serve --contacts N` prints `<base_url> <key>`.

The fake runs in its own process so that its work neither shares the benchmark's GIL and core nor shows up in
the benchmark's tracemalloc figures. It serves until its stdin closes (the parent exiting closes it too).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from withallo_ext.testing import FakeAllo

REPO = Path(__file__).resolve().parents[1]


def seed_contacts(fake: FakeAllo, total: int) -> None:
    """Add contacts shaped like real ones (name, title, site, company, an email, a US number) up to `total`."""
    for index in range(total - len(fake.account.contacts)):
        status, _ = fake.account.create_contact(
            {
                "numbers": [f"+1415{index // 10000 % 10}55{index % 10000:04d}"],
                "name": f"Contact{index}",
                "last_name": "Bennett",
                "job_title": "Head of Operations",
                "website": "https://acme-logistics.example",
                "emails": [f"contact{index}@acme-logistics.example"],
                "company": "Acme Logistics",
            }
        )
        assert status == 201


@dataclass(frozen=True)
class Endpoint:
    """Where the child serves the fake, and the key it accepts."""

    base_url: str
    api_key: str


@contextmanager
def served(contacts: int = 0, seed: int = 1) -> Iterator[Endpoint]:
    """Run the fake, with `contacts` contacts in all (at least the seeded dozen), in a child process."""
    command = [sys.executable, "-m", "bench._serve", "--contacts", str(contacts), "--seed", str(seed)]
    child = subprocess.Popen(command, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
        if len(line) != 2:
            raise RuntimeError(f"bench._serve did not start (exit code {child.poll()})")
        yield Endpoint(base_url=line[0], api_key=line[1])
    finally:
        assert child.stdin is not None
        child.stdin.close()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench._serve")
    parser.add_argument("--contacts", type=int, default=0, help="contacts in all, seeded ones included")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    fake = FakeAllo(seed=args.seed)
    seed_contacts(fake, args.contacts)
    with fake.serve() as server:
        print(server.base_url, server.api_key, flush=True)
        sys.stdin.read()
    return 0


if __name__ == "__main__":
    sys.exit(main())
