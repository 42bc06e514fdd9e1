from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail
    from ..models.error_object import ErrorObject


T = TypeVar("T", bound="ErrorBody")


@_attrs_define
class ErrorBody:
    """The body of an error response. The v1 server mostly sends `code` and `details`; some errors carry only
    `error` (a string such as `WEBHOOK_NOT_FOUND`) or `message`; newer errors carry an `error` object.

        Attributes:
            code (str | Unset): A machine-readable code, e.g. `API_KEY_INVALID`, `VALIDATION_ERROR`, `RATE_LIMITED`,
                `API_KEY_QUOTA_EXCEEDED`.
            details (list[ErrorDetail] | None | Unset): The reasons, field by field.
            message (str | Unset): A human-readable explanation.
            detail (str | Unset): A human-readable explanation (some proxies).
            error (ErrorObject | str | Unset): A code string, or a structured error object.
    """

    code: str | Unset = UNSET
    details: list[ErrorDetail] | None | Unset = UNSET
    message: str | Unset = UNSET
    detail: str | Unset = UNSET
    error: ErrorObject | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_object import ErrorObject  # noqa: PLC0415

        code = self.code

        details: list[dict[str, Any]] | None | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        elif isinstance(self.details, list):
            details = []
            for details_type_0_item_data in self.details:
                details_type_0_item = details_type_0_item_data.to_dict()
                details.append(details_type_0_item)

        else:
            details = self.details

        message = self.message

        detail = self.detail

        error: dict[str, Any] | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ErrorObject):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if details is not UNSET:
            field_dict["details"] = details
        if message is not UNSET:
            field_dict["message"] = message
        if detail is not UNSET:
            field_dict["detail"] = detail
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        code = src_dict.get("code", UNSET)
        if type(code) is not str:
            if code is UNSET:
                _missing += 1
            elif not (type(code) is str or isinstance(code, str)):
                raise _Mismatch("a string", code, ".code")
        details = src_dict.get("details", UNSET)
        if details is not UNSET:
            if details is None:
                pass
            elif type(details) is list or isinstance(details, list):
                _details_items: list[Any] = []
                try:
                    for _item0 in details:
                        _details_items.append(_from_dict_ErrorDetail(_item0))
                except _Mismatch as _error:
                    _error.at(f"[{len(_details_items)}]", ".details")
                    raise
                details = _details_items
            else:
                raise _Mismatch("an array or null", details, ".details")

        else:
            _missing += 1
        message = src_dict.get("message", UNSET)
        if type(message) is not str:
            if message is UNSET:
                _missing += 1
            elif not (type(message) is str or isinstance(message, str)):
                raise _Mismatch("a string", message, ".message")
        detail = src_dict.get("detail", UNSET)
        if type(detail) is not str:
            if detail is UNSET:
                _missing += 1
            elif not (type(detail) is str or isinstance(detail, str)):
                raise _Mismatch("a string", detail, ".detail")
        error = src_dict.get("error", UNSET)
        if error is not UNSET:
            if type(error) is str or isinstance(error, str):
                pass
            elif type(error) is dict or isinstance(error, dict):
                _error__missing = 0
                _error_type_ = error.get("type", UNSET)
                if type(_error_type_) is not str:
                    if _error_type_ is UNSET:
                        _error__missing += 1
                    elif not (type(_error_type_) is str or isinstance(_error_type_, str)):
                        raise _Mismatch("a string", _error_type_, ".type", ".error")
                _error_code = error.get("code", UNSET)
                if type(_error_code) is not str:
                    if _error_code is UNSET:
                        _error__missing += 1
                    elif not (type(_error_code) is str or isinstance(_error_code, str)):
                        raise _Mismatch("a string", _error_code, ".code", ".error")
                _error_message = error.get("message", UNSET)
                if type(_error_message) is not str:
                    if _error_message is UNSET:
                        _error__missing += 1
                    elif not (type(_error_message) is str or isinstance(_error_message, str)):
                        raise _Mismatch("a string", _error_message, ".message", ".error")
                _error_retryable = error.get("retryable", UNSET)
                if type(_error_retryable) is not bool:
                    if _error_retryable is UNSET:
                        _error__missing += 1
                    elif not type(_error_retryable) is bool:
                        raise _Mismatch("a boolean", _error_retryable, ".retryable", ".error")
                _error_request_id = error.get("request_id", UNSET)
                if type(_error_request_id) is not str:
                    if _error_request_id is UNSET:
                        _error__missing += 1
                    elif not (type(_error_request_id) is str or isinstance(_error_request_id, str)):
                        raise _Mismatch("a string", _error_request_id, ".request_id", ".error")
                _error_retry_after_seconds = error.get("retry_after_seconds", UNSET)
                if type(_error_retry_after_seconds) is not int and type(_error_retry_after_seconds) is not float:
                    if _error_retry_after_seconds is UNSET:
                        _error__missing += 1
                    elif not (
                        type(_error_retry_after_seconds) is float
                        or type(_error_retry_after_seconds) is int
                        or (
                            isinstance(_error_retry_after_seconds, int | float)
                            and not isinstance(_error_retry_after_seconds, bool)
                        )
                    ):
                        raise _Mismatch("a number", _error_retry_after_seconds, ".retry_after_seconds", ".error")
                _error__model = _new_instance(_ErrorObject)
                _error__model.type_ = _error_type_
                _error__model.code = _error_code
                _error__model.message = _error_message
                _error__model.retryable = _error_retryable
                _error__model.request_id = _error_request_id
                _error__model.retry_after_seconds = _error_retry_after_seconds
                if len(error) + _error__missing == 6:
                    _error__model.additional_properties = {}
                else:
                    _error__model.additional_properties = _unknown_fields(error, _KNOWN_FIELDS_ErrorObject)
                error = _error__model
            else:
                raise _Mismatch("a string or an object", error, ".error")

        else:
            _missing += 1
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        error_body = _new_instance(cls)
        error_body.code = code
        error_body.details = details
        error_body.message = message
        error_body.detail = detail
        error_body.error = error
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 5:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        error_body.additional_properties = additional_properties
        return error_body

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
_ErrorBody = ErrorBody  # a model may contain itself (a tree)
_from_dict_ErrorBody = ErrorBody.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "code",
        "details",
        "message",
        "detail",
        "error",
    }
)

# Nested models, imported after the class so that models referring to each other import in either order.
from ..models.error_detail import ErrorDetail as _ErrorDetail  # noqa: E402

# The fields of the small flat models that from_dict builds inline (strict_from_dict.jinja's inline_model).
from ..models.error_object import _KNOWN_FIELDS as _KNOWN_FIELDS_ErrorObject  # noqa: E402
from ..models.error_object import ErrorObject as _ErrorObject  # noqa: E402

# Bound once here, instead of binding the classmethod again for each nested object parsed.
_from_dict_ErrorDetail = _ErrorDetail.from_dict
_from_dict_ErrorObject = _ErrorObject.from_dict
