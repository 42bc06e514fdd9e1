from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

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
        d = dict(src_dict)
        sender_id = d.pop("sender_id")

        to = d.pop("to")

        message = d.pop("message")

        send_sms_france_request = cls(
            sender_id=sender_id,
            to=to,
            message=message,
        )

        return send_sms_france_request
