"""`make docs`: the HTML API reference opens offline in headless Chromium and shows every operation and webhook."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.spec._chromium import chromium_page, find_chromium
from tests.spec._tools import ROOT, load_spec, make

DOCS = ROOT / "build" / "docs" / "index.html"
SCREENSHOT = ROOT / "build" / "docs" / "screenshot.png"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

# Installed once in the page. An element is "visible" when Chromium lays it out with a size, inside the viewport,
# not hidden by display/visibility/opacity, and it is what a click at its centre would hit (nothing covers it).
PROBE = """
window.__probe = {
  visible(el) {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth)
      return false;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (el.contains(hit) || hit.contains(el));
  },
  // Elements holding a text node that reads exactly `text`.
  holding(text) {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.data.replace(/\\s+/g, ' ').trim() === text && node.parentElement.closest('script,style') === null)
        found.push(node.parentElement);
    }
    return found;
  },
  inMenu(el) { return el.closest('[data-component-name="Menu/MenuItem"]') !== null; },
  menuLink(summary) {
    return this.holding(summary).map((el) => el.closest('[data-component-name="Menu/MenuItem"] a')).find(Boolean);
  },
  // Click the sidebar entry of `summary` like a reader would, unfolding the groups until it shows up.
  async open(summary) {
    const settle = async (check) => {  // React renders asynchronously: poll for up to 3 s
      for (const end = performance.now() + 3000; !check() && performance.now() < end; )
        await new Promise((resolve) => setTimeout(resolve, 30));
      return check();
    };
    let link = this.menuLink(summary);
    const groups = [...document.querySelectorAll('[data-component-name="Menu/MenuItem"].menu-item-type-group')];
    for (const group of groups) {
      if (link) break;
      group.querySelector('a').click();
      await settle(() => group.querySelector('.menu-item-type-operation') !== null);
      link = this.menuLink(summary);
    }
    if (!link) return false;
    link.click();
    return true;
  },
  status(summary, topic) {
    const shown = (els) => els.some((el) => this.visible(el));
    const holding = this.holding(summary);
    return {
      sidebar: shown(holding.filter((el) => this.inMenu(el))),
      heading: shown(holding.filter((el) => !this.inMenu(el) && el.closest('h1,h2,h3') !== null)),
      topic: topic === null ? null : shown(this.holding(topic).filter((el) => !this.inMenu(el))),
    };
  },
};
true
"""


@dataclass
class Rendered:
    """What the reference page showed in Chromium."""

    shown: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)


def expected_entries() -> list[tuple[str, str | None]]:
    """(summary, webhook topic or None) for every operation and webhook in the spec."""
    spec = load_spec()
    entries: list[tuple[str, str | None]] = []
    for path_item in spec["paths"].values():
        entries += [(op["summary"], None) for method, op in path_item.items() if method in HTTP_METHODS]
    for topic, path_item in spec["webhooks"].items():
        entries += [(op["summary"], topic) for method, op in path_item.items() if method in HTTP_METHODS]
    return entries


def is_shown(status: dict[str, Any]) -> bool:
    """The entry's sidebar link, its heading and (for a webhook) its topic are all visible."""
    return bool(status["sidebar"] and status["heading"] and status["topic"] is not False)


@pytest.fixture(scope="module")
def rendered() -> Rendered:
    """Build the page with `make docs`, open it offline, click through every entry, then screenshot CALL_RECEIVED."""
    chromium = find_chromium()
    assert chromium, "Chromium is needed to check the API reference: `make test` installs it (as root) or says how"
    make("docs")
    result = Rendered()
    with chromium_page(chromium) as page:
        page.goto(DOCS.as_uri())
        assert page.wait_until("document.querySelector('[data-component-name=\"Menu/MenuItem\"]') !== null")
        page.evaluate(PROBE)
        for summary, topic in expected_entries():
            args = f"{json.dumps(summary)}, {json.dumps(topic)}"
            if not page.evaluate(f"__probe.open({json.dumps(summary)})"):
                result.shown[summary] = {"sidebar": False, "heading": None, "topic": None}
                continue
            page.wait_until(f"(s => s.sidebar && s.heading && s.topic !== false)(__probe.status({args}))")
            result.shown[summary] = page.evaluate(f"__probe.status({args})")
        call_received = json.dumps(load_spec()["webhooks"]["CALL_RECEIVED"]["post"]["summary"])
        assert page.evaluate(f"__probe.open({call_received})")
        page.wait_until(f"__probe.status({call_received}, 'CALL_RECEIVED').topic")
        page.screenshot(SCREENSHOT)
        result.requests = page.requests()
        result.exceptions = page.exceptions()
    return result


def test_make_docs_writes_one_self_contained_html_file() -> None:
    make("docs")
    html = DOCS.read_text(encoding="utf-8")
    assert "<title>Allo (Withallo) API</title>" in html
    assert 'http-equiv="Content-Security-Policy"' in html
    assert "cdn.redocly.com/redoc/" not in html  # the Redoc bundle is inlined, not loaded from a CDN
    assert '"disableTelemetry":true' in html


def test_every_operation_summary_and_webhook_topic_is_visible(rendered: Rendered) -> None:
    entries = expected_entries()
    assert ("Send an SMS", None) in entries
    assert ("A call was received (or placed) and processed", "CALL_RECEIVED") in entries
    missing = {summary: status for summary, status in rendered.shown.items() if not is_shown(status)}
    assert set(rendered.shown) == {summary for summary, _ in entries}
    assert missing == {}, f"not visible on the page (sidebar link / heading / webhook topic): {missing}"
    assert SCREENSHOT.stat().st_size > 10_000
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_page_fetches_nothing_from_the_network(rendered: Rendered) -> None:
    remote = [r for r in rendered.requests if not r["url"].startswith(("file:", "data:", "blob:", "about:"))]
    # Redoc asks for its badge logo; the page's Content-Security-Policy refuses it before any connection is made.
    assert [r for r in remote if r["blocked_reason"] != "csp"] == []
    assert any(r["url"] == DOCS.as_uri() for r in rendered.requests)


def test_the_page_runs_without_javascript_errors(rendered: Rendered) -> None:
    assert rendered.exceptions == []


def test_probe_tells_a_hidden_entry_from_a_shown_one(tmp_path: Path) -> None:
    """The visibility check is not vacuous: hidden, covered and off-screen text does not count as shown."""
    chromium = find_chromium()
    assert chromium
    page_file = tmp_path / "probe.html"
    page_file.write_text(
        "<!DOCTYPE html><body style='margin:0'>"
        "<div data-component-name='Menu/MenuItem'><a href='#x'><span>Shown op</span></a></div>"
        "<h2>Shown op</h2><span>SHOWN_TOPIC</span>"
        "<div data-component-name='Menu/MenuItem'><a href='#y'><span>Hidden op</span></a></div>"
        "<h2 style='display:none'>Hidden op</h2>"
        "<div style='position:relative'><h2>Covered op</h2>"
        "<div style='position:absolute;inset:0;background:#fff'></div></div>"
        "<div data-component-name='Menu/MenuItem'><a href='#z'><span>Covered op</span></a></div>"
        "<h2 style='margin-top:3000px'>Far op</h2>"
        "<div data-component-name='Menu/MenuItem'><a href='#w'><span>Far op</span></a></div>"
        "</body>",
        encoding="utf-8",
    )
    with chromium_page(chromium) as page:
        page.goto(page_file.as_uri())
        page.evaluate(PROBE)
        cases = [("Shown op", "SHOWN_TOPIC"), ("Hidden op", None), ("Covered op", None), ("Far op", None)]
        statuses = {name: page.evaluate(f"__probe.status({json.dumps(name)}, {json.dumps(t)})") for name, t in cases}
        missing_topic = page.evaluate("__probe.status('Shown op', 'MISSING_TOPIC')")
    assert is_shown(statuses["Shown op"])
    assert statuses["Hidden op"] == {"sidebar": True, "heading": False, "topic": None}
    assert statuses["Covered op"]["heading"] is False
    assert statuses["Far op"]["heading"] is False
    assert not is_shown(missing_topic)
