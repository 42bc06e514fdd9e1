from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import parse_datetime as _parse_datetime
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="ContactActivity")


@_attrs_define
class ContactActivity:
    """One event in a contact's activity (returned with `extend=activity`).

    Attributes:
        type_ (str | Unset): The kind of activity, e.g. `CALL`, `TEXT_MESSAGE`, `NOTE`.
        made_by (str | Unset): Who did it.
        made_at (datetime.datetime | Unset): When; may come without a UTC offset.
        allo_number (None | str | Unset): The Allo number involved, if any.
        content (None | str | Unset): The text of the activity, if any.
    """

    type_: str | Unset = UNSET
    made_by: str | Unset = UNSET
    made_at: datetime.datetime | Unset = UNSET
    allo_number: None | str | Unset = UNSET
    content: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        made_by = self.made_by

        made_at: str | Unset = UNSET
        if not isinstance(self.made_at, Unset):
            made_at = self.made_at.isoformat()

        allo_number: None | str | Unset
        if isinstance(self.allo_number, Unset):
            allo_number = UNSET
        else:
            allo_number = self.allo_number

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if made_by is not UNSET:
            field_dict["made_by"] = made_by
        if made_at is not UNSET:
            field_dict["made_at"] = made_at
        if allo_number is not UNSET:
            field_dict["allo_number"] = allo_number
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        type_ = src_dict.get("type", UNSET)
        if type(type_) is not str:
            if type_ is UNSET:
                _missing += 1
            elif not (type(type_) is str or isinstance(type_, str)):
                raise _Mismatch("a string", type_, ".type")
        made_by = src_dict.get("made_by", UNSET)
        if type(made_by) is not str:
            if made_by is UNSET:
                _missing += 1
            elif not (type(made_by) is str or isinstance(made_by, str)):
                raise _Mismatch("a string", made_by, ".made_by")
        made_at = src_dict.get("made_at", UNSET)
        if type(made_at) is str:
            try:
                made_at = _fromisoformat(made_at)
            except ValueError:
                made_at = _parse_datetime(made_at, ".made_at")

        elif made_at is UNSET:
            _missing += 1
        else:
            if not (type(made_at) is str or isinstance(made_at, str)):
                raise _Mismatch("an ISO 8601 date-time string", made_at, ".made_at")
            try:
                made_at = _fromisoformat(made_at)
            except ValueError:
                made_at = _parse_datetime(made_at, ".made_at")

        allo_number = src_dict.get("allo_number", UNSET)
        if type(allo_number) is not str and allo_number is not None:
            if allo_number is UNSET:
                _missing += 1
            elif not ((type(allo_number) is str or isinstance(allo_number, str)) or allo_number is None):
                raise _Mismatch("a string or null", allo_number, ".allo_number")
        content = src_dict.get("content", UNSET)
        if type(content) is not str and content is not None:
            if content is UNSET:
                _missing += 1
            elif not ((type(content) is str or isinstance(content, str)) or content is None):
                raise _Mismatch("a string or null", content, ".content")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        contact_activity = _new_instance(cls)
        contact_activity.type_ = type_
        contact_activity.made_by = made_by
        contact_activity.made_at = made_at
        contact_activity.allo_number = allo_number
        contact_activity.content = content
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 5:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        contact_activity.additional_properties = additional_properties
        return contact_activity

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_new_instance = object.__new__
_fromisoformat = datetime.datetime.fromisoformat
_ContactActivity = ContactActivity  # a model may contain itself (a tree)
_from_dict_ContactActivity = ContactActivity.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "type",
        "made_by",
        "made_at",
        "allo_number",
        "content",
    }
)
