from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_entry_type import ConversationEntryType
from ..types import UNSET, Unset

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
        from ..models.conversation_call import ConversationCall  # noqa: PLC0415
        from ..models.conversation_message import ConversationMessage  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ConversationEntryType(d.pop("type"))

        def _parse_call(data: object) -> ConversationCall | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                call_type_0 = ConversationCall.from_dict(data)

                return call_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationCall | None | Unset, data)

        call = _parse_call(d.pop("call", UNSET))

        def _parse_message(data: object) -> ConversationMessage | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                message_type_0 = ConversationMessage.from_dict(data)

                return message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationMessage | None | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        conversation_entry = cls(
            type_=type_,
            call=call,
            message=message,
        )

        conversation_entry.additional_properties = d
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
