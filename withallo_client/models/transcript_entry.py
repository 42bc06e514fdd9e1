from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcript_source import TranscriptSource
from ..types import UNSET, Unset

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
        d = dict(src_dict)
        source = TranscriptSource(d.pop("source"))

        text = d.pop("text")

        time = d.pop("time", UNSET)

        start_seconds = d.pop("start_seconds", UNSET)

        end_seconds = d.pop("end_seconds", UNSET)

        transcript_entry = cls(
            source=source,
            text=text,
            time=time,
            start_seconds=start_seconds,
            end_seconds=end_seconds,
        )

        transcript_entry.additional_properties = d
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
