from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

if TYPE_CHECKING:
    from ..models.pagination_info import PaginationInfo


T = TypeVar("T", bound="PaginationMetadata")


@_attrs_define
class PaginationMetadata:
    """Page metadata. The server has been seen to send it nested (`{"pagination": {"total_pages": 3,
    "current_page": 0}}`) and flat (`{"total_pages": 3, "current_page": 0}`); read `pagination` first, then
    the flat fields.

        Attributes:
            pagination (PaginationInfo | Unset): Where a page sits.
            total_pages (int | Unset): How many pages there are (flat form).
            current_page (int | Unset): The 0-indexed page returned (flat form).
    """

    pagination: PaginationInfo | Unset = UNSET
    total_pages: int | Unset = UNSET
    current_page: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        total_pages = self.total_pages

        current_page = self.current_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if total_pages is not UNSET:
            field_dict["total_pages"] = total_pages
        if current_page is not UNSET:
            field_dict["current_page"] = current_page

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        pagination = src_dict.get("pagination", UNSET)
        if pagination is not UNSET:
            if not (type(pagination) is dict or isinstance(pagination, dict)):
                raise _Mismatch("an object", pagination, ".pagination")
            _pagination__missing = 0
            try:
                _pagination_total_pages = pagination["total_pages"]
            except KeyError:
                raise _Mismatch.missing(".total_pages").at(".pagination") from None
            if type(_pagination_total_pages) is not int and not (
                type(_pagination_total_pages) is int
                or (isinstance(_pagination_total_pages, int) and not isinstance(_pagination_total_pages, bool))
            ):
                raise _Mismatch("an integer", _pagination_total_pages, ".total_pages", ".pagination")
            try:
                _pagination_current_page = pagination["current_page"]
            except KeyError:
                raise _Mismatch.missing(".current_page").at(".pagination") from None
            if type(_pagination_current_page) is not int and not (
                type(_pagination_current_page) is int
                or (isinstance(_pagination_current_page, int) and not isinstance(_pagination_current_page, bool))
            ):
                raise _Mismatch("an integer", _pagination_current_page, ".current_page", ".pagination")
            _pagination__model = _new_instance(_PaginationInfo)
            _pagination__model.total_pages = _pagination_total_pages
            _pagination__model.current_page = _pagination_current_page
            if len(pagination) + _pagination__missing == 2:
                _pagination__model.additional_properties = {}
            else:
                _pagination__model.additional_properties = _unknown_fields(pagination, _KNOWN_FIELDS_PaginationInfo)
            pagination = _pagination__model

        else:
            _missing += 1
        total_pages = src_dict.get("total_pages", UNSET)
        if type(total_pages) is not int:
            if total_pages is UNSET:
                _missing += 1
            elif not (type(total_pages) is int or (isinstance(total_pages, int) and not isinstance(total_pages, bool))):
                raise _Mismatch("an integer", total_pages, ".total_pages")
        current_page = src_dict.get("current_page", UNSET)
        if type(current_page) is not int:
            if current_page is UNSET:
                _missing += 1
            elif not (
                type(current_page) is int or (isinstance(current_page, int) and not isinstance(current_page, bool))
            ):
                raise _Mismatch("an integer", current_page, ".current_page")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        pagination_metadata = _new_instance(cls)
        pagination_metadata.pagination = pagination
        pagination_metadata.total_pages = total_pages
        pagination_metadata.current_page = current_page
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 3:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        pagination_metadata.additional_properties = additional_properties
        return pagination_metadata

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
_PaginationMetadata = PaginationMetadata  # a model may contain itself (a tree)
_from_dict_PaginationMetadata = PaginationMetadata.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "pagination",
        "total_pages",
        "current_page",
    }
)

# Nested models, imported after the class so that models referring to each other import in either order.
# The fields of the small flat models that from_dict builds inline (strict_from_dict.jinja's inline_model).
from ..models.pagination_info import _KNOWN_FIELDS as _KNOWN_FIELDS_PaginationInfo  # noqa: E402
from ..models.pagination_info import PaginationInfo as _PaginationInfo  # noqa: E402

# Bound once here, instead of binding the classmethod again for each nested object parsed.
_from_dict_PaginationInfo = _PaginationInfo.from_dict
