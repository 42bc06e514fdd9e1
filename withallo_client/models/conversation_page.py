from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

if TYPE_CHECKING:
    from ..models.conversation_entry import ConversationEntry
    from ..models.pagination_metadata import PaginationMetadata


T = TypeVar("T", bound="ConversationPage")


@_attrs_define
class ConversationPage:
    """One page of a conversation.

    Attributes:
        results (list[ConversationEntry]):
        metadata (PaginationMetadata | Unset): Page metadata. The server has been seen to send it nested
            (`{"pagination": {"total_pages": 3,
            "current_page": 0}}`) and flat (`{"total_pages": 3, "current_page": 0}`); read `pagination` first, then
            the flat fields.
    """

    results: list[ConversationEntry]
    metadata: PaginationMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            results = src_dict["results"]
        except KeyError:
            raise _Mismatch.missing(".results") from None
        if not (type(results) is list or isinstance(results, list)):
            raise _Mismatch("an array", results, ".results")
        _results_items: list[Any] = []
        try:
            for _item0 in results:
                _results_items.append(_from_dict_ConversationEntry(_item0))
        except _Mismatch as _error:
            _error.at(f"[{len(_results_items)}]", ".results")
            raise
        results = _results_items

        metadata = src_dict.get("metadata", UNSET)
        if metadata is not UNSET:
            if not (type(metadata) is dict or isinstance(metadata, dict)):
                raise _Mismatch("an object", metadata, ".metadata")
            try:
                metadata = _from_dict_PaginationMetadata(metadata)
            except _Mismatch as _error:
                _error.at(".metadata")
                raise

        else:
            _missing += 1
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        conversation_page = _new_instance(cls)
        conversation_page.results = results
        conversation_page.metadata = metadata
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 2:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        conversation_page.additional_properties = additional_properties
        return conversation_page

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
_ConversationPage = ConversationPage  # a model may contain itself (a tree)
_from_dict_ConversationPage = ConversationPage.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "results",
        "metadata",
    }
)

# Nested models, imported after the class so that models referring to each other import in either order.
from ..models.conversation_entry import ConversationEntry as _ConversationEntry  # noqa: E402
from ..models.pagination_metadata import PaginationMetadata as _PaginationMetadata  # noqa: E402

# Bound once here, instead of binding the classmethod again for each nested object parsed.
_from_dict_ConversationEntry = _ConversationEntry.from_dict
_from_dict_PaginationMetadata = _PaginationMetadata.from_dict
