from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..errors import SchemaMismatchError as _Mismatch

T = TypeVar("T", bound="SendSmsFranceRequest")


@_attrs_define
class SendSmsFranceRequest:
    """An SMS to a French number from an approved Sender ID. There is no `from` key.

    Attributes:
        sender_id (str): An approved alphanumeric Sender ID (3 to 11 letters and digits, at least one letter) or a
            numeric
            short code.
        to (str): A phone number in E.164 form.
        message (str): The text, 1 to 1000 characters.
    """

    sender_id: str
    to: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        sender_id = self.sender_id

        to = self.to

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sender_id": sender_id,
                "to": to,
                "message": message,
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
            sender_id = src_dict["sender_id"]
        except KeyError:
            raise _Mismatch.missing(".sender_id") from None
        if type(sender_id) is not str and not (type(sender_id) is str or isinstance(sender_id, str)):
            raise _Mismatch("a string", sender_id, ".sender_id")
        try:
            to = src_dict["to"]
        except KeyError:
            raise _Mismatch.missing(".to") from None
        if type(to) is not str and not (type(to) is str or isinstance(to, str)):
            raise _Mismatch("a string", to, ".to")
        try:
            message = src_dict["message"]
        except KeyError:
            raise _Mismatch.missing(".message") from None
        if type(message) is not str and not (type(message) is str or isinstance(message, str)):
            raise _Mismatch("a string", message, ".message")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        send_sms_france_request = _new_instance(cls)
        send_sms_france_request.sender_id = sender_id
        send_sms_france_request.to = to
        send_sms_france_request.message = message
        return send_sms_france_request


_new_instance = object.__new__
_SendSmsFranceRequest = SendSmsFranceRequest  # a model may contain itself (a tree)
_from_dict_SendSmsFranceRequest = SendSmsFranceRequest.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "sender_id",
        "to",
        "message",
    }
)
