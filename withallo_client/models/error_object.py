from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorObject")


@_attrs_define
class ErrorObject:
    """The error object of Allo's newer (v2-style) error bodies.

    Attributes:
        type_ (str | Unset): The error family, e.g. `rate_limit_error`.
        code (str | Unset): A machine-readable code, e.g. `RATE_LIMIT_EXCEEDED`.
        message (str | Unset): A human-readable explanation.
        retryable (bool | Unset): Whether the same request may be tried again.
        request_id (str | Unset): The server's id of the request, for support.
        retry_after_seconds (float | Unset): How long to wait before trying again.
    """

    type_: str | Unset = UNSET
    code: str | Unset = UNSET
    message: str | Unset = UNSET
    retryable: bool | Unset = UNSET
    request_id: str | Unset = UNSET
    retry_after_seconds: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        code = self.code

        message = self.message

        retryable = self.retryable

        request_id = self.request_id

        retry_after_seconds = self.retry_after_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if retryable is not UNSET:
            field_dict["retryable"] = retryable
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if retry_after_seconds is not UNSET:
            field_dict["retry_after_seconds"] = retry_after_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        retryable = d.pop("retryable", UNSET)

        request_id = d.pop("request_id", UNSET)

        retry_after_seconds = d.pop("retry_after_seconds", UNSET)

        error_object = cls(
            type_=type_,
            code=code,
            message=message,
            retryable=retryable,
            request_id=request_id,
            retry_after_seconds=retry_after_seconds,
        )

        error_object.additional_properties = d
        return error_object

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
