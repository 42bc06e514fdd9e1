from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..models.transcript_source import TranscriptSource
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="TranscriptEntry")


@_attrs_define
class TranscriptEntry:
    """One line of a call transcript.

    Attributes:
        source (TranscriptSource): Who spoke a transcript line. `AGENT` is Allo's AI agent, `USER` the account's user,
            `EXTERNAL` the other party. Open enum.
        text (str): What was said.
        time (str | Unset): When it was said, from the start of the call (`00:01:05`).
        start_seconds (float | Unset): Start offset in seconds.
        end_seconds (float | Unset): End offset in seconds.
    """

    source: TranscriptSource
    text: str
    time: str | Unset = UNSET
    start_seconds: float | Unset = UNSET
    end_seconds: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        text = self.text

        time = self.time

        start_seconds = self.start_seconds

        end_seconds = self.end_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "text": text,
            }
        )
        if time is not UNSET:
            field_dict["time"] = time
        if start_seconds is not UNSET:
            field_dict["start_seconds"] = start_seconds
        if end_seconds is not UNSET:
            field_dict["end_seconds"] = end_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            source = src_dict["source"]
        except KeyError:
            raise _Mismatch.missing(".source") from None
        if not (type(source) is str or isinstance(source, str)):
            raise _Mismatch("a string", source, ".source")
        try:  # the member table first (see the end of the module): calling an Enum class is slow
            source = _BY_VALUE_TranscriptSource.get(source) or TranscriptSource(source)
        except ValueError:
            raise _Mismatch("one of TranscriptSource's values", source, ".source") from None

        try:
            text = src_dict["text"]
        except KeyError:
            raise _Mismatch.missing(".text") from None
        if type(text) is not str and not (type(text) is str or isinstance(text, str)):
            raise _Mismatch("a string", text, ".text")
        time = src_dict.get("time", UNSET)
        if type(time) is not str:
            if time is UNSET:
                _missing += 1
            elif not (type(time) is str or isinstance(time, str)):
                raise _Mismatch("a string", time, ".time")
        start_seconds = src_dict.get("start_seconds", UNSET)
        if type(start_seconds) is not int and type(start_seconds) is not float:
            if start_seconds is UNSET:
                _missing += 1
            elif not (
                type(start_seconds) is float
                or type(start_seconds) is int
                or (isinstance(start_seconds, int | float) and not isinstance(start_seconds, bool))
            ):
                raise _Mismatch("a number", start_seconds, ".start_seconds")
        end_seconds = src_dict.get("end_seconds", UNSET)
        if type(end_seconds) is not int and type(end_seconds) is not float:
            if end_seconds is UNSET:
                _missing += 1
            elif not (
                type(end_seconds) is float
                or type(end_seconds) is int
                or (isinstance(end_seconds, int | float) and not isinstance(end_seconds, bool))
            ):
                raise _Mismatch("a number", end_seconds, ".end_seconds")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        transcript_entry = _new_instance(cls)
        transcript_entry.source = source
        transcript_entry.text = text
        transcript_entry.time = time
        transcript_entry.start_seconds = start_seconds
        transcript_entry.end_seconds = end_seconds
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 5:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        transcript_entry.additional_properties = additional_properties
        return transcript_entry

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
_TranscriptEntry = TranscriptEntry  # a model may contain itself (a tree)
_from_dict_TranscriptEntry = TranscriptEntry.from_dict
_BY_VALUE_TranscriptSource: dict[Any, TranscriptSource] = {member.value: member for member in TranscriptSource}

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "source",
        "text",
        "time",
        "start_seconds",
        "end_seconds",
    }
)
