"""A success body whose fields have the wrong type is refused, naming the field: the generated models check it.

Each wrong-typed answer to GET /contact/{id} below once came back as a Contact holding exactly that value (or, for
`created_at`, an error naming no field). Now WithalloClient and AsyncWithalloClient raise UnexpectedResponseError
whose message gives the JSON path and what the spec expects, with the SchemaMismatchError chained.
"""

from __future__ import annotations

from typing import Any

import pytest
import respx

from withallo_client.errors import SchemaMismatchError
from withallo_ext.errors import UnexpectedResponseError

from .helpers import BASE, Runner, contact_json, page_json

WRONG: list[tuple[dict[str, Any], str]] = [
    ({"numbers": "+14155550100"}, "`data.numbers` must be an array, got string ('+14155550100')"),
    ({"emails": [1, 2]}, "`data.emails[0]` must be a string, got number (1)"),
    ({"is_archived": "no"}, "`data.is_archived` must be a boolean, got string ('no')"),
    ({"name": {"first": "Ada"}}, "`data.name` must be a string or null, got object of 1 item"),
    ({"id": None}, "`data.id` must be a string, got null"),
    ({"created_at": 1704877200}, "`data.created_at` must be an ISO 8601 date-time string, got number (1704877200)"),
    ({"created_at": "last tuesday"}, "`data.created_at` must be an ISO 8601 date-time string, got string"),
    ({"company": ["Acme"]}, "`data.company` must be an object or null, got array of 1 item"),
    ({"company": {"name": 7}}, "`data.company.name` must be a string, got number (7)"),
]


@pytest.mark.parametrize(("fields", "message"), WRONG, ids=[f"{next(iter(f))}-{i}" for i, (f, _m) in enumerate(WRONG)])
def test_a_wrong_typed_field_raises_naming_it(
    api: respx.MockRouter, run: Runner, fields: dict[str, Any], message: str
) -> None:
    route = api.get("/contact/cnt_1").respond(200, json={"data": contact_json(1, **fields)})

    with pytest.raises(UnexpectedResponseError) as info:
        run(lambda c: c.contacts.get("cnt_1"))

    assert message in str(info.value)
    assert isinstance(info.value.__cause__, SchemaMismatchError)
    assert (info.value.status_code, info.value.method, info.value.url) == (200, "GET", f"{BASE}/contact/cnt_1")
    assert route.call_count == 1  # a body that does not fit is not a reason to send again


def test_a_missing_required_field_is_named(api: respx.MockRouter, run: Runner) -> None:
    contact = contact_json(1)
    del contact["numbers"]
    api.get("/contact/cnt_1").respond(200, json={"data": contact})

    with pytest.raises(UnexpectedResponseError, match=r"`data\.numbers` is missing \(required\)"):
        run(lambda c: c.contacts.get("cnt_1"))


def test_the_path_goes_through_pages_and_arrays(api: respx.MockRouter, run: Runner) -> None:
    results = [contact_json(n) for n in range(5)]
    results[3]["numbers"] = ["+14155550100", True]
    api.get("/contacts").respond(200, json=page_json(results, total=1, current=0))

    with pytest.raises(UnexpectedResponseError) as info:
        run(lambda c: c.contacts.search(size=5))

    assert "`data.results[3].numbers[1]` must be a string, got boolean" in str(info.value)


def test_unknown_fields_and_enum_values_and_other_date_forms_still_pass(api: respx.MockRouter, run: Runner) -> None:
    call = {
        "id": "call_1",
        "from_number": "+14155550199",
        "to_number": "+14155550123",
        "length_in_minutes": 2,  # a JSON number may come as an integer
        "type": "SIDEWAYS",  # an enum value this client does not know
        "start_date": "20240115T103000Z",  # ISO 8601 basic format: dateutil reads what fromisoformat (3.11) does not
        "brand_new_field": {"x": 1},
    }
    api.get("/calls").respond(200, json=page_json([call], total=1, current=0))

    (got,) = run(lambda c: c.calls.search("+14155550123"))

    assert got.length_in_minutes == 2
    assert got.type_ == "SIDEWAYS"
    assert not got.type_.is_known
    assert got.start_date.isoformat() == "2024-01-15T10:30:00+00:00"
    assert got.additional_properties == {"brand_new_field": {"x": 1}}
