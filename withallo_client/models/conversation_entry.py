from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..models.conversation_entry_type import ConversationEntryType
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

if TYPE_CHECKING:
    from ..models.conversation_call import ConversationCall
    from ..models.conversation_message import ConversationMessage


T = TypeVar("T", bound="ConversationEntry")


@_attrs_define
class ConversationEntry:
    """One call or one text message of a conversation; the other field is null.

    Attributes:
        type_ (ConversationEntryType): The kind of conversation entry. Open enum.
        call (ConversationCall | None | Unset):
        message (ConversationMessage | None | Unset):
    """

    type_: ConversationEntryType
    call: ConversationCall | None | Unset = UNSET
    message: ConversationMessage | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.conversation_call import ConversationCall  # noqa: PLC0415
        from ..models.conversation_message import ConversationMessage  # noqa: PLC0415

        type_ = self.type_.value

        call: dict[str, Any] | None | Unset
        if isinstance(self.call, Unset):
            call = UNSET
        elif isinstance(self.call, ConversationCall):
            call = self.call.to_dict()
        else:
            call = self.call

        message: dict[str, Any] | None | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        elif isinstance(self.message, ConversationMessage):
            message = self.message.to_dict()
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if call is not UNSET:
            field_dict["call"] = call
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            type_ = src_dict["type"]
        except KeyError:
            raise _Mismatch.missing(".type") from None
        if not (type(type_) is str or isinstance(type_, str)):
            raise _Mismatch("a string", type_, ".type")
        try:  # the member table first (see the end of the module): calling an Enum class is slow
            type_ = _BY_VALUE_ConversationEntryType.get(type_) or ConversationEntryType(type_)
        except ValueError:
            raise _Mismatch("one of ConversationEntryType's values", type_, ".type") from None

        call = src_dict.get("call", UNSET)
        if call is not UNSET:
            if call is None:
                pass
            elif type(call) is dict or isinstance(call, dict):
                try:
                    call = _from_dict_ConversationCall(call)
                except _Mismatch as _error:
                    _error.at(".call")
                    raise
            else:
                raise _Mismatch("an object or null", call, ".call")

        else:
            _missing += 1
        message = src_dict.get("message", UNSET)
        if message is not UNSET:
            if message is None:
                pass
            elif type(message) is dict or isinstance(message, dict):
                try:
                    message = _from_dict_ConversationMessage(message)
                except _Mismatch as _error:
                    _error.at(".message")
                    raise
            else:
                raise _Mismatch("an object or null", message, ".message")

        else:
            _missing += 1
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        conversation_entry = _new_instance(cls)
        conversation_entry.type_ = type_
        conversation_entry.call = call
        conversation_entry.message = message
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 3:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        conversation_entry.additional_properties = additional_properties
        return conversation_entry

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
_ConversationEntry = ConversationEntry  # a model may contain itself (a tree)
_from_dict_ConversationEntry = ConversationEntry.from_dict
_BY_VALUE_ConversationEntryType: dict[Any, ConversationEntryType] = {
    member.value: member for member in ConversationEntryType
}

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "type",
        "call",
        "message",
    }
)

# Nested models, imported after the class so that models referring to each other import in either order.
from ..models.conversation_call import ConversationCall as _ConversationCall  # noqa: E402
from ..models.conversation_message import ConversationMessage as _ConversationMessage  # noqa: E402

# Bound once here, instead of binding the classmethod again for each nested object parsed.
_from_dict_ConversationCall = _ConversationCall.from_dict
_from_dict_ConversationMessage = _ConversationMessage.from_dict
