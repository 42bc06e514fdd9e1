"""The generated `from_dict` checks every field against its schema (templates/model.py.jinja), at model level.

JSON type pitfalls: a `number` may arrive as an int and must pass, a boolean is neither an integer nor a number.
The error is one documented class, `withallo_client.SchemaMismatchError` (a ValueError), with the JSON path.
"""

from __future__ import annotations

import ast
import copy
import datetime
import pickle
from pathlib import Path
from typing import Any

import pytest

import withallo_client
from withallo_client.errors import SchemaMismatchError
from withallo_client.models import Call, Company, ContactPageResponse, ErrorBody, PaginationInfo

MODELS = Path(withallo_client.__file__).parent / "models"
CALL = {"id": "c1", "from_number": "+1", "to_number": "+2", "type": "INBOUND", "start_date": "2024-01-15T10:30:00Z"}


def mismatch(model: Any, data: Any) -> SchemaMismatchError:
    with pytest.raises(SchemaMismatchError) as info:
        model.from_dict(data)
    assert isinstance(info.value, ValueError)
    return info.value


def test_the_error_is_exported_by_the_package() -> None:
    assert withallo_client.SchemaMismatchError is SchemaMismatchError
    assert issubclass(SchemaMismatchError, ValueError)


@pytest.mark.parametrize("value", [True, False, "3", 2.5, None])
def test_an_integer_field_refuses_booleans_strings_floats_and_null(value: Any) -> None:
    error = mismatch(PaginationInfo, {"total_pages": value})
    assert error.path == "total_pages"
    assert error.expected == "an integer"


@pytest.mark.parametrize(("value", "ok"), [(2, True), (2.5, True), (True, False), ("2", False)])
def test_a_number_field_takes_int_and_float_but_not_a_boolean(value: Any, ok: bool) -> None:
    data = {**CALL, "length_in_minutes": value}
    if ok:
        assert Call.from_dict(data).length_in_minutes == value
    else:
        assert mismatch(Call, data).path == "length_in_minutes"


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-15T10:30:00Z",
        "2024-01-15T10:30:00+00:00",
        "2024-01-15T10:30:00.123456Z",
        "2024-01-15 10:30:00Z",
        "20240115T103000Z",  # basic format: dateutil's isoparse, after fromisoformat (3.11) refuses it
        "2024-01-15T10:30Z",
    ],
)
def test_date_times_in_any_iso_8601_form(text: str) -> None:
    got = Call.from_dict({**CALL, "start_date": text}).start_date
    assert got.replace(microsecond=0) == datetime.datetime(2024, 1, 15, 10, 30, tzinfo=datetime.UTC)


def test_a_bad_date_time_names_the_field_and_quotes_only_a_short_excerpt() -> None:
    secret = "not a date, but the caller's life story " * 100
    error = mismatch(Call, {**CALL, "start_date": secret})
    assert error.path == "start_date"
    assert len(str(error)) < 150
    assert secret[:16] in str(error)
    assert secret[:40] not in str(error)


def test_a_union_field_takes_each_arm_and_refuses_the_rest() -> None:
    assert ErrorBody.from_dict({"error": "RATE_LIMITED"}).error == "RATE_LIMITED"
    assert ErrorBody.from_dict({"error": {"code": "X", "message": "y"}}).error.code == "X"  # type: ignore[union-attr]
    error = mismatch(ErrorBody, {"error": 42})
    assert (error.path, error.expected) == ("error", "a string or an object")


def test_a_nested_error_carries_the_whole_path() -> None:
    page = {"data": {"results": [{"id": "a", "numbers": []}] * 3 + [{"id": "b", "numbers": 5}]}}
    error = mismatch(ContactPageResponse, page)
    assert error.path == "data.results[3].numbers"
    assert str(error) == "`data.results[3].numbers` must be an array, got number (5)"


def test_not_an_object_at_all() -> None:
    error = mismatch(Company, ["a"])
    assert (error.path, error.found) == ("", "array")


def test_unknown_fields_go_to_additional_properties_and_are_not_checked() -> None:
    company = Company.from_dict({"id": "cmp_1", "name": "Acme", "size": [1, "x", None]})
    assert company.additional_properties == {"size": [1, "x", None]}
    assert Company.from_dict({"id": "cmp_1"}).additional_properties == {}


def test_the_error_pickles_and_copies_with_its_path() -> None:
    error = mismatch(ContactPageResponse, {"data": {"results": [{"id": 1, "numbers": []}]}})
    for clone in (pickle.loads(pickle.dumps(error)), copy.deepcopy(error)):
        assert type(clone) is SchemaMismatchError
        assert str(clone) == str(error) == "`data.results[0].id` must be a string, got number (1)"


def test_no_from_dict_imports_a_module_or_defines_a_function() -> None:
    """Per-call imports and closures were most of the old from_dict's cost (5 import statements per contact)."""
    checked = 0
    for path in sorted(MODELS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == "from_dict":
                inner = [n for n in ast.walk(node) if n is not node]
                banned = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
                assert not [n for n in inner if isinstance(n, banned)], f"{path.name}: from_dict imports or defines"
                assert not [n for n in inner if isinstance(n, ast.ListComp | ast.DictComp | ast.GeneratorExp)], path
                checked += 1
    assert checked >= 40
