from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcript_source import TranscriptSource
from ..types import UNSET, Unset

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
        d = dict(src_dict)
        _source = d.pop("source", UNSET)
        source: TranscriptSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = TranscriptSource(_source)

        time = d.pop("time", UNSET)

        text = d.pop("text", UNSET)

        transcription_line = cls(
            source=source,
            time=time,
            text=text,
        )

        transcription_line.additional_properties = d
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
