from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..models.transcript_source import TranscriptSource
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="TranscriptionLine")


@_attrs_define
class TranscriptionLine:
    """One line of a webhook transcript.

    Attributes:
        source (TranscriptSource | Unset): Who spoke a transcript line. `AGENT` is Allo's AI agent, `USER` the account's
            user, `EXTERNAL` the other party. Open enum.
        time (str | Unset): When it was said, from the start of the call.
        text (str | Unset): What was said.
    """

    source: TranscriptSource | Unset = UNSET
    time: str | Unset = UNSET
    text: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        time = self.time

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if source is not UNSET:
            field_dict["source"] = source
        if time is not UNSET:
            field_dict["time"] = time
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        source = src_dict.get("source", UNSET)
        if source is not UNSET:
            if not (type(source) is str or isinstance(source, str)):
                raise _Mismatch("a string", source, ".source")
            try:  # the member table first (see the end of the module): calling an Enum class is slow
                source = _BY_VALUE_TranscriptSource.get(source) or TranscriptSource(source)
            except ValueError:
                raise _Mismatch("one of TranscriptSource's values", source, ".source") from None

        else:
            _missing += 1
        time = src_dict.get("time", UNSET)
        if type(time) is not str:
            if time is UNSET:
                _missing += 1
            elif not (type(time) is str or isinstance(time, str)):
                raise _Mismatch("a string", time, ".time")
        text = src_dict.get("text", UNSET)
        if type(text) is not str:
            if text is UNSET:
                _missing += 1
            elif not (type(text) is str or isinstance(text, str)):
                raise _Mismatch("a string", text, ".text")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        transcription_line = _new_instance(cls)
        transcription_line.source = source
        transcription_line.time = time
        transcription_line.text = text
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 3:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        transcription_line.additional_properties = additional_properties
        return transcription_line

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
_TranscriptionLine = TranscriptionLine  # a model may contain itself (a tree)
_from_dict_TranscriptionLine = TranscriptionLine.from_dict
_BY_VALUE_TranscriptSource: dict[Any, TranscriptSource] = {member.value: member for member in TranscriptSource}

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "source",
        "time",
        "text",
    }
)
