from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..models.call_result import CallResult
from ..models.direction import Direction
from ..types import UNSET, Unset
from ..types import parse_datetime as _parse_datetime
from ..types import unknown_fields as _unknown_fields

if TYPE_CHECKING:
    from ..models.transcript_entry import TranscriptEntry


T = TypeVar("T", bound="ConversationCall")


@_attrs_define
class ConversationCall:
    """A call inside a conversation; it also carries the tags.

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
        tags (list[str] | Unset): Tags set on the call.
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
    tags: list[str] | Unset = UNSET
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

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

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
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            id = src_dict["id"]
        except KeyError:
            raise _Mismatch.missing(".id") from None
        if type(id) is not str and not (type(id) is str or isinstance(id, str)):
            raise _Mismatch("a string", id, ".id")
        try:
            from_number = src_dict["from_number"]
        except KeyError:
            raise _Mismatch.missing(".from_number") from None
        if type(from_number) is not str and not (type(from_number) is str or isinstance(from_number, str)):
            raise _Mismatch("a string", from_number, ".from_number")
        try:
            to_number = src_dict["to_number"]
        except KeyError:
            raise _Mismatch.missing(".to_number") from None
        if type(to_number) is not str and not (type(to_number) is str or isinstance(to_number, str)):
            raise _Mismatch("a string", to_number, ".to_number")
        try:
            type_ = src_dict["type"]
        except KeyError:
            raise _Mismatch.missing(".type") from None
        if not (type(type_) is str or isinstance(type_, str)):
            raise _Mismatch("a string", type_, ".type")
        try:  # the member table first (see the end of the module): calling an Enum class is slow
            type_ = _BY_VALUE_Direction.get(type_) or Direction(type_)
        except ValueError:
            raise _Mismatch("one of Direction's values", type_, ".type") from None

        try:
            start_date = src_dict["start_date"]
        except KeyError:
            raise _Mismatch.missing(".start_date") from None
        if not (type(start_date) is str or isinstance(start_date, str)):
            raise _Mismatch("an ISO 8601 date-time string", start_date, ".start_date")
        try:
            start_date = _fromisoformat(start_date)
        except ValueError:
            start_date = _parse_datetime(start_date, ".start_date")

        length_in_minutes = src_dict.get("length_in_minutes", UNSET)
        if type(length_in_minutes) is not int and type(length_in_minutes) is not float:
            if length_in_minutes is UNSET:
                _missing += 1
            elif not (
                type(length_in_minutes) is float
                or type(length_in_minutes) is int
                or (isinstance(length_in_minutes, int | float) and not isinstance(length_in_minutes, bool))
            ):
                raise _Mismatch("a number", length_in_minutes, ".length_in_minutes")
        result = src_dict.get("result", UNSET)
        if result is not UNSET:
            if not (type(result) is str or isinstance(result, str)):
                raise _Mismatch("a string", result, ".result")
            try:  # the member table first (see the end of the module): calling an Enum class is slow
                result = _BY_VALUE_CallResult.get(result) or CallResult(result)
            except ValueError:
                raise _Mismatch("one of CallResult's values", result, ".result") from None

        else:
            _missing += 1
        summary = src_dict.get("summary", UNSET)
        if type(summary) is not str and summary is not None:
            if summary is UNSET:
                _missing += 1
            elif not ((type(summary) is str or isinstance(summary, str)) or summary is None):
                raise _Mismatch("a string or null", summary, ".summary")
        tag = src_dict.get("tag", UNSET)
        if type(tag) is not str and tag is not None:
            if tag is UNSET:
                _missing += 1
            elif not ((type(tag) is str or isinstance(tag, str)) or tag is None):
                raise _Mismatch("a string or null", tag, ".tag")
        recording_url = src_dict.get("recording_url", UNSET)
        if type(recording_url) is not str and recording_url is not None:
            if recording_url is UNSET:
                _missing += 1
            elif not ((type(recording_url) is str or isinstance(recording_url, str)) or recording_url is None):
                raise _Mismatch("a string or null", recording_url, ".recording_url")
        transcript = src_dict.get("transcript", UNSET)
        if transcript is not UNSET:
            if not (type(transcript) is list or isinstance(transcript, list)):
                raise _Mismatch("an array", transcript, ".transcript")
            _transcript_items: list[Any] = []
            try:
                for _item0 in transcript:
                    _transcript_items.append(_from_dict_TranscriptEntry(_item0))
            except _Mismatch as _error:
                _error.at(f"[{len(_transcript_items)}]", ".transcript")
                raise
            transcript = _transcript_items

        else:
            _missing += 1
        tags = src_dict.get("tags", UNSET)
        if tags is not UNSET:
            if not (type(tags) is list or isinstance(tags, list)):
                raise _Mismatch("an array", tags, ".tags")
            for _item0 in tags:
                if not (type(_item0) is str or isinstance(_item0, str)):
                    raise _Mismatch.item("a string", tags, _item0, ".tags")

        else:
            _missing += 1
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        conversation_call = _new_instance(cls)
        conversation_call.id = id
        conversation_call.from_number = from_number
        conversation_call.to_number = to_number
        conversation_call.type_ = type_
        conversation_call.start_date = start_date
        conversation_call.length_in_minutes = length_in_minutes
        conversation_call.result = result
        conversation_call.summary = summary
        conversation_call.tag = tag
        conversation_call.recording_url = recording_url
        conversation_call.transcript = transcript
        conversation_call.tags = tags
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 12:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        conversation_call.additional_properties = additional_properties
        return conversation_call

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
_fromisoformat = datetime.datetime.fromisoformat
_ConversationCall = ConversationCall  # a model may contain itself (a tree)
_from_dict_ConversationCall = ConversationCall.from_dict
_BY_VALUE_CallResult: dict[Any, CallResult] = {member.value: member for member in CallResult}
_BY_VALUE_Direction: dict[Any, Direction] = {member.value: member for member in Direction}

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "id",
        "from_number",
        "to_number",
        "type",
        "start_date",
        "length_in_minutes",
        "result",
        "summary",
        "tag",
        "recording_url",
        "transcript",
        "tags",
    }
)

# Nested models, imported after the class so that models referring to each other import in either order.
from ..models.transcript_entry import TranscriptEntry as _TranscriptEntry  # noqa: E402

# Bound once here, instead of binding the classmethod again for each nested object parsed.
_from_dict_TranscriptEntry = _TranscriptEntry.from_dict
