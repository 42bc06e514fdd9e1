from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

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
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        type_ = src_dict.get("type", UNSET)
        if type(type_) is not str:
            if type_ is UNSET:
                _missing += 1
            elif not (type(type_) is str or isinstance(type_, str)):
                raise _Mismatch("a string", type_, ".type")
        code = src_dict.get("code", UNSET)
        if type(code) is not str:
            if code is UNSET:
                _missing += 1
            elif not (type(code) is str or isinstance(code, str)):
                raise _Mismatch("a string", code, ".code")
        message = src_dict.get("message", UNSET)
        if type(message) is not str:
            if message is UNSET:
                _missing += 1
            elif not (type(message) is str or isinstance(message, str)):
                raise _Mismatch("a string", message, ".message")
        retryable = src_dict.get("retryable", UNSET)
        if type(retryable) is not bool:
            if retryable is UNSET:
                _missing += 1
            elif not type(retryable) is bool:
                raise _Mismatch("a boolean", retryable, ".retryable")
        request_id = src_dict.get("request_id", UNSET)
        if type(request_id) is not str:
            if request_id is UNSET:
                _missing += 1
            elif not (type(request_id) is str or isinstance(request_id, str)):
                raise _Mismatch("a string", request_id, ".request_id")
        retry_after_seconds = src_dict.get("retry_after_seconds", UNSET)
        if type(retry_after_seconds) is not int and type(retry_after_seconds) is not float:
            if retry_after_seconds is UNSET:
                _missing += 1
            elif not (
                type(retry_after_seconds) is float
                or type(retry_after_seconds) is int
                or (isinstance(retry_after_seconds, int | float) and not isinstance(retry_after_seconds, bool))
            ):
                raise _Mismatch("a number", retry_after_seconds, ".retry_after_seconds")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        error_object = _new_instance(cls)
        error_object.type_ = type_
        error_object.code = code
        error_object.message = message
        error_object.retryable = retryable
        error_object.request_id = request_id
        error_object.retry_after_seconds = retry_after_seconds
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 6:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        error_object.additional_properties = additional_properties
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


_new_instance = object.__new__
_ErrorObject = ErrorObject  # a model may contain itself (a tree)
_from_dict_ErrorObject = ErrorObject.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "type",
        "code",
        "message",
        "retryable",
        "request_id",
        "retry_after_seconds",
    }
)
