from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_result import CallResult
from ..models.direction import Direction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transcript_entry import TranscriptEntry


T = TypeVar("T", bound="Call")


@_attrs_define
class Call:
    """A call, as call search and conversations return it.

    Attributes:
        id (str): The call's id.
        from_number (str): The calling number.
        to_number (str): The called number.
        type_ (Direction): Whether the call or message came in or went out. Open enum.
        start_date (datetime.datetime): When the call started; may come without a UTC offset.
        length_in_minutes (float | Unset): Duration in minutes (fractional).
        result (CallResult | Unset): How a call ended. Open enum: sources disagree on the set (`MISSED`, `TRANSFERRED`
            are listed by some) and
            Allo adds values.
        summary (None | str | Unset): Allo's AI summary.
        tag (None | str | Unset): The tag set on the call.
        recording_url (None | str | Unset): Where the recording can be downloaded, when recorded.
        transcript (list[TranscriptEntry] | Unset): The transcript, when available.
    """

    id: str
    from_number: str
    to_number: str
    type_: Direction
    start_date: datetime.datetime
    length_in_minutes: float | Unset = UNSET
    result: CallResult | Unset = UNSET
    summary: None | str | Unset = UNSET
    tag: None | str | Unset = UNSET
    recording_url: None | str | Unset = UNSET
    transcript: list[TranscriptEntry] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        from_number = self.from_number

        to_number = self.to_number

        type_ = self.type_.value

        start_date = self.start_date.isoformat()

        length_in_minutes = self.length_in_minutes

        result: str | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.value

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        tag: None | str | Unset
        if isinstance(self.tag, Unset):
            tag = UNSET
        else:
            tag = self.tag

        recording_url: None | str | Unset
        if isinstance(self.recording_url, Unset):
            recording_url = UNSET
        else:
            recording_url = self.recording_url

        transcript: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.transcript, Unset):
            transcript = []
            for transcript_item_data in self.transcript:
                transcript_item = transcript_item_data.to_dict()
                transcript.append(transcript_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "from_number": from_number,
                "to_number": to_number,
                "type": type_,
                "start_date": start_date,
            }
        )
        if length_in_minutes is not UNSET:
            field_dict["length_in_minutes"] = length_in_minutes
        if result is not UNSET:
            field_dict["result"] = result
        if summary is not UNSET:
            field_dict["summary"] = summary
        if tag is not UNSET:
            field_dict["tag"] = tag
        if recording_url is not UNSET:
            field_dict["recording_url"] = recording_url
        if transcript is not UNSET:
            field_dict["transcript"] = transcript

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transcript_entry import TranscriptEntry  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        from_number = d.pop("from_number")

        to_number = d.pop("to_number")

        type_ = Direction(d.pop("type"))

        start_date = datetime.datetime.fromisoformat(d.pop("start_date"))

        length_in_minutes = d.pop("length_in_minutes", UNSET)

        _result = d.pop("result", UNSET)
        result: CallResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = CallResult(_result)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_tag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tag = _parse_tag(d.pop("tag", UNSET))

        def _parse_recording_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recording_url = _parse_recording_url(d.pop("recording_url", UNSET))

        _transcript = d.pop("transcript", UNSET)
        transcript: list[TranscriptEntry] | Unset = UNSET
        if _transcript is not UNSET:
            transcript = []
            for transcript_item_data in _transcript:
                transcript_item = TranscriptEntry.from_dict(transcript_item_data)

                transcript.append(transcript_item)

        call = cls(
            id=id,
            from_number=from_number,
            to_number=to_number,
            type_=type_,
            start_date=start_date,
            length_in_minutes=length_in_minutes,
            result=result,
            summary=summary,
            tag=tag,
            recording_url=recording_url,
            transcript=transcript,
        )

        call.additional_properties = d
        return call

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
