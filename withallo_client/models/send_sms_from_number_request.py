from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..errors import SchemaMismatchError as _Mismatch

T = TypeVar("T", bound="SendSmsFromNumberRequest")


@_attrs_define
class SendSmsFromNumberRequest:
    """An SMS from one of your Allo numbers (US and international). Named `SendSmsRequest` before spec 2.0.0:
    renamed because OpenAPI Generator names the `sendSms` request body (and its request object)
    `SendSmsRequest`, and the two collided.

        Attributes:
            from_ (str): A phone number in E.164 form.
            to (str): A phone number in E.164 form.
            message (str): The text, 1 to 1000 characters.
    """

    from_: str
    to: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        to = self.to

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "from": from_,
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
            from_ = src_dict["from"]
        except KeyError:
            raise _Mismatch.missing(".from") from None
        if type(from_) is not str and not (type(from_) is str or isinstance(from_, str)):
            raise _Mismatch("a string", from_, ".from")
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
        send_sms_from_number_request = _new_instance(cls)
        send_sms_from_number_request.from_ = from_
        send_sms_from_number_request.to = to
        send_sms_from_number_request.message = message
        return send_sms_from_number_request


_new_instance = object.__new__
_SendSmsFromNumberRequest = SendSmsFromNumberRequest  # a model may contain itself (a tree)
_from_dict_SendSmsFromNumberRequest = SendSmsFromNumberRequest.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "from",
        "to",
        "message",
    }
)
