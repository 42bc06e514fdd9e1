"""`make ts-types`: TypeScript types generated from the spec; interop/typescript/usage.ts type-checks against them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.spec._tools import NODE_BIN, ROOT, make, run

TYPES = ROOT / "build" / "ts" / "withallo.d.ts"
TSCONFIG = ROOT / "interop" / "typescript" / "tsconfig.json"

# Each line marked WRONG misuses the contract the way a consumer could; tsc must reject exactly those lines.
WRONG_USAGE = """\
import type { components, webhooks } from "{types}";
type Schemas = components["schemas"];
type CallReceived = webhooks["CALL_RECEIVED"]["post"]["requestBody"]["content"]["application/json"];

export const ok: Schemas["SendSmsFromNumberRequest"] = { from: "+14155550123", to: "+14155550199", message: "hi" };
export const noMessage: Schemas["SendSmsFromNumberRequest"] = { from: "+14155550123", to: "+14155550199" }; // WRONG
export const both: Schemas["SendSmsFranceRequest"] = { sender_id: "Acme", from: "+1", to: "+3", message: "x" }; // WRONG
export const callee = (event: CallReceived): string | undefined => event.data.to;
export const calleeNumber = (event: CallReceived): unknown => event.data.to_number; // WRONG
export const minutes: Schemas["CallReceivedPayload"] = { id: "call-1", length_in_minutes: "2.5" }; // WRONG
export const topic: Schemas["WebhookTopic"] = "CALL_MISSED"; // WRONG
"""


def test_make_ts_types_generates_the_types_and_usage_ts_type_checks() -> None:
    done = make("ts-types")
    assert "tsc --noEmit -p interop/typescript" in done.stdout
    types = TYPES.read_text(encoding="utf-8")
    assert "export interface components" in types
    assert "export interface webhooks" in types
    assert re.search(r"SendSmsFromNumberRequest: \{\s+from: components\[\"schemas\"\]\[\"E164Number\"\];", types)
    assert '"application/json": components["schemas"]["CallReceivedEvent"];' in types


def test_tsc_rejects_usage_that_breaks_the_contract(tmp_path: Path) -> None:
    make("build/ts/withallo.d.ts")
    usage = tmp_path / "wrong.ts"
    usage.write_text(WRONG_USAGE.replace("{types}", str(TYPES.with_name("withallo"))), encoding="utf-8")
    (tmp_path / "tsconfig.json").write_text(json.dumps({"extends": str(TSCONFIG), "files": ["wrong.ts"]}))

    checked = run(NODE_BIN / "tsc", "--noEmit", "--pretty", "false", "-p", tmp_path)

    assert checked.returncode != 0
    errors = re.findall(r"wrong\.ts\((\d+),\d+\): error (TS\d+): (.*)", checked.stdout)
    wrong_lines = {n for n, line in enumerate(WRONG_USAGE.splitlines(), start=1) if line.endswith("// WRONG")}
    assert {int(line) for line, _, _ in errors} == wrong_lines, checked.stdout
    messages = "\n".join(message for _, _, message in errors)
    assert "Property 'message' is missing" in messages
    assert "'from' does not exist in type" in messages
    assert "Property 'to_number' does not exist" in messages
    assert "Type 'string' is not assignable to type 'number'" in messages
    assert '"CALL_MISSED"' in messages
