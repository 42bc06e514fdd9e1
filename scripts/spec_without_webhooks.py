"""Write the spec without its `webhooks:` section, for code generators that cannot take it.

`make build/openapi/withallo.no-webhooks.yaml` runs this. OpenAPI Generator's python generator (7.26.0; its
OpenAPI 3.1 support is beta) writes an API module for the webhook events that does not compile
(`call_received_event: ,`). The webhook events are not calls a client makes anyway: this copy drops them (and
their `WebhookEvents` tag) and keeps every schema, so the event payload models (`CallReceivedEvent`, ...) are
still generated for a team that parses deliveries. Everything else is the spec as it is, same data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "withallo.yaml"
OUTPUT = ROOT / "build" / "openapi" / "withallo.no-webhooks.yaml"
EVENTS_TAG = "WebhookEvents"


class _Loader(yaml.SafeLoader):
    """YAML 1.1's SafeLoader without its timestamp rule: an unquoted date in an example stays the string it is."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path: Path) -> dict[str, Any]:
    """The OpenAPI document as plain data (strings stay strings)."""
    document: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe loader)
    return document


def without_webhooks(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of `document` without `webhooks:` and without the tag only the webhook events used."""
    derived = {key: value for key, value in document.items() if key != "webhooks"}
    derived["tags"] = [tag for tag in document.get("tags", []) if tag.get("name") != EVENTS_TAG]
    info = dict(document["info"])
    info["description"] = (
        f"{info.get('description', '').rstrip()}\n\n"
        "(Derived from openapi/withallo.yaml by scripts/spec_without_webhooks.py: the `webhooks:` section, the"
        " payloads Allo POSTs to you, is left out for generators that cannot take it; their schemas are kept.)\n"
    )
    derived["info"] = info
    return derived


def main(argv: list[str] | None = None) -> int:
    """Command line: spec_without_webhooks.py [--spec PATH] [--output PATH]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=SPEC, help="the spec to read (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    derived = without_webhooks(load(args.spec))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(derived, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=120)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} (no webhooks: section)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
