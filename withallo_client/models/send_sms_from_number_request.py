from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

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
        d = dict(src_dict)
        from_ = d.pop("from")

        to = d.pop("to")

        message = d.pop("message")

        send_sms_from_number_request = cls(
            from_=from_,
            to=to,
            message=message,
        )

        return send_sms_from_number_request
