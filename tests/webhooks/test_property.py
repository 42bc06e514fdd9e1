"""Property: whatever reaches `parse`, the only exception is InvalidWebhookPayloadError; the same holds for `.model`.

Inputs: raw bytes, text (lone surrogates included), arbitrary JSON documents, envelope-shaped objects whose `data`
mixes the payload models' real field names with values of any JSON type (and date-like strings), the contract's
examples with bytes spliced in, and values that are neither bytes nor str.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from withallo_client.models import CallReceivedPayload, ContactPayload, SmsPayload
from withallo_ext import WebhookReceiver, WebhookTopic
from withallo_ext.errors import InvalidWebhookPayloadError

from .conftest import body_of, spec_webhook_examples

# A few seconds: 1500 examples, no per-example deadline (a slow CI machine must not fail on timing).
settings.register_profile(
    "withallo-webhooks", max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PROFILE = settings.get_profile("withallo-webhooks")

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["2026-11-20T14:03:12Z", "2026-11-20T24:00:00", "2026-02-30T00:00:00", "20261120T1403", "T"])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
MODELS = (CallReceivedPayload, SmsPayload, ContactPayload)
FIELD_NAMES = sorted(
    {name.removesuffix("_") for cls in MODELS for name in cls.__annotations__}
    | {"number", "user_email", "source", "time", "text", "dtmf_key", "text_key"}
)
payload_like = st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=6), json_values, max_size=10)
topics = st.sampled_from([t.value for t in WebhookTopic]) | st.text(max_size=12) | json_values
envelopes = st.fixed_dictionaries({}, optional={"topic": topics, "data": payload_like | json_values, "x": json_values})
well_formed = st.fixed_dictionaries({"topic": st.sampled_from([t.value for t in WebhookTopic]), "data": payload_like})

EXAMPLE_BODIES = [body_of(example) for example in spec_webhook_examples().values()]


@st.composite
def spliced_examples(draw: st.DrawFn) -> bytes:
    body = draw(st.sampled_from(EXAMPLE_BODIES))
    start = draw(st.integers(0, len(body)))
    end = draw(st.integers(start, min(len(body), start + 8)))
    return body[:start] + draw(st.binary(max_size=6)) + body[end:]


bodies: st.SearchStrategy[Any] = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300),
    json_values.map(json.dumps),
    envelopes.map(json.dumps),
    well_formed.map(json.dumps),
    well_formed.map(json.dumps),
    envelopes.map(lambda envelope: json.dumps(envelope, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    spliced_examples(),
    st.sampled_from([None, 0, 1.5, ["topic"], {"topic": "PING", "data": {}}]),
)


def test_parse_raises_nothing_but_invalid_payload_error() -> None:
    outcomes: Counter[str] = Counter()

    @PROFILE
    @given(raw=bodies, accept_unknown=st.booleans(), path=st.text(max_size=12))
    def check(raw: Any, accept_unknown: bool, path: str) -> None:
        receiver = WebhookReceiver(accept_unknown_topics=accept_unknown)
        try:
            event = receiver.parse(raw)
        except InvalidWebhookPayloadError as exc:
            outcomes[str(exc).split(":")[0]] += 1
            return
        event.get(path, None)  # never raises either
        try:
            model = event.model
        except InvalidWebhookPayloadError:
            outcomes["event, model refused"] += 1
            return
        outcomes["event, model built" if model is not None else "event, no model (unknown topic)"] += 1

    check()
    print(f"\nhypothesis: {sum(outcomes.values())} examples -> {dict(sorted(outcomes.items()))}")
    expected = {
        "Webhook body is empty.",
        "Webhook body is not valid JSON.",
        "Webhook body is not a JSON object.",
        "Webhook payload is missing the `topic` field.",
        "Webhook payload is missing the `data` object.",
        "Unknown webhook topic",
        "Webhook body must be bytes or str",
        "event, model built",
        "event, model refused",
        "event, no model (unknown topic)",
    }
    missing = {reason for reason in expected if not any(key.startswith(reason) for key in outcomes)}
    assert not missing, f"the generator never produced: {missing}"
