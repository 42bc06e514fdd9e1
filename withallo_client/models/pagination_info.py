from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="PaginationInfo")


@_attrs_define
class PaginationInfo:
    """Where a page sits.

    Attributes:
        total_pages (int): How many pages there are.
        current_page (int): The 0-indexed page returned.
    """

    total_pages: int
    current_page: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_pages = self.total_pages

        current_page = self.current_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_pages": total_pages,
                "current_page": current_page,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            total_pages = src_dict["total_pages"]
        except KeyError:
            raise _Mismatch.missing(".total_pages") from None
        if type(total_pages) is not int and not (
            type(total_pages) is int or (isinstance(total_pages, int) and not isinstance(total_pages, bool))
        ):
            raise _Mismatch("an integer", total_pages, ".total_pages")
        try:
            current_page = src_dict["current_page"]
        except KeyError:
            raise _Mismatch.missing(".current_page") from None
        if type(current_page) is not int and not (
            type(current_page) is int or (isinstance(current_page, int) and not isinstance(current_page, bool))
        ):
            raise _Mismatch("an integer", current_page, ".current_page")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        pagination_info = _new_instance(cls)
        pagination_info.total_pages = total_pages
        pagination_info.current_page = current_page
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 2:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        pagination_info.additional_properties = additional_properties
        return pagination_info

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
_PaginationInfo = PaginationInfo  # a model may contain itself (a tree)
_from_dict_PaginationInfo = PaginationInfo.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "total_pages",
        "current_page",
    }
)
