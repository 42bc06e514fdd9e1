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
    from ..models.call_received_payload_data_collected_type_0 import CallReceivedPayloadDataCollectedType0
    from ..models.ivr_result import IvrResult
    from ..models.transcription_line import TranscriptionLine
    from ..models.transfer_party import TransferParty


T = TypeVar("T", bound="CallReceivedPayload")


@_attrs_define
class CallReceivedPayload:
    """The `data` of a CALL_RECEIVED event. The callee is `to` (not `to_number`). One crawl of the official guide
    showed camelCase keys (`startDate`, `fromNumber`, ...); they stay readable as unknown fields.

        Attributes:
            id (str): The call's id.
            start_date (datetime.datetime | Unset): When the call started; may come without a UTC offset.
            recording_url (None | str | Unset): Where the recording can be downloaded.
            from_number (str | Unset): The calling number.
            from_name (None | str | Unset): The caller's name, when known.
            to (str | Unset): The called number.
            to_name (None | str | Unset): The callee's name, when known.
            length_in_minutes (float | Unset): Duration in minutes.
            length (str | Unset): Duration for display, e.g. `5m 30s`.
            tag (None | str | Unset): The tag set on the call.
            summary (None | str | Unset): Allo's AI summary.
            one_sentence_summary (None | str | Unset): A one-line summary.
            transcriptions (list[TranscriptionLine] | Unset): The transcript.
            concatenated_transcript (None | str | Unset): The transcript as one text.
            data_collected (CallReceivedPayloadDataCollectedType0 | None | Unset): What Allo's agent collected during the
                call, by field.
            ivr_result (list[IvrResult] | Unset): The phone menu choices.
            type_ (Direction | Unset): Whether the call or message came in or went out. Open enum.
            result (CallResult | Unset): How a call ended. Open enum: sources disagree on the set (`MISSED`, `TRANSFERRED`
                are listed by some) and
                Allo adds values.
            integration_id (None | str | Unset): The integration that handled the call, if any.
            transfer_from (None | TransferParty | Unset):
            transfer_to (None | TransferParty | Unset):
            transfer_original_call_id (None | str | Unset): The call this one was transferred from.
            user_email (None | str | Unset): The Allo user who handled the call.
            original_to_number (None | str | Unset): The number first dialled, when forwarded.
            original_to_name (None | str | Unset): The name of the number first dialled.
    """

    id: str
    start_date: datetime.datetime | Unset = UNSET
    recording_url: None | str | Unset = UNSET
    from_number: str | Unset = UNSET
    from_name: None | str | Unset = UNSET
    to: str | Unset = UNSET
    to_name: None | str | Unset = UNSET
    length_in_minutes: float | Unset = UNSET
    length: str | Unset = UNSET
    tag: None | str | Unset = UNSET
    summary: None | str | Unset = UNSET
    one_sentence_summary: None | str | Unset = UNSET
    transcriptions: list[TranscriptionLine] | Unset = UNSET
    concatenated_transcript: None | str | Unset = UNSET
    data_collected: CallReceivedPayloadDataCollectedType0 | None | Unset = UNSET
    ivr_result: list[IvrResult] | Unset = UNSET
    type_: Direction | Unset = UNSET
    result: CallResult | Unset = UNSET
    integration_id: None | str | Unset = UNSET
    transfer_from: None | TransferParty | Unset = UNSET
    transfer_to: None | TransferParty | Unset = UNSET
    transfer_original_call_id: None | str | Unset = UNSET
    user_email: None | str | Unset = UNSET
    original_to_number: None | str | Unset = UNSET
    original_to_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.call_received_payload_data_collected_type_0 import CallReceivedPayloadDataCollectedType0  # noqa: PLC0415
        from ..models.transfer_party import TransferParty  # noqa: PLC0415

        id = self.id

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        recording_url: None | str | Unset
        if isinstance(self.recording_url, Unset):
            recording_url = UNSET
        else:
            recording_url = self.recording_url

        from_number = self.from_number

        from_name: None | str | Unset
        if isinstance(self.from_name, Unset):
            from_name = UNSET
        else:
            from_name = self.from_name

        to = self.to

        to_name: None | str | Unset
        if isinstance(self.to_name, Unset):
            to_name = UNSET
        else:
            to_name = self.to_name

        length_in_minutes = self.length_in_minutes

        length = self.length

        tag: None | str | Unset
        if isinstance(self.tag, Unset):
            tag = UNSET
        else:
            tag = self.tag

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        one_sentence_summary: None | str | Unset
        if isinstance(self.one_sentence_summary, Unset):
            one_sentence_summary = UNSET
        else:
            one_sentence_summary = self.one_sentence_summary

        transcriptions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.transcriptions, Unset):
            transcriptions = []
            for transcriptions_item_data in self.transcriptions:
                transcriptions_item = transcriptions_item_data.to_dict()
                transcriptions.append(transcriptions_item)

        concatenated_transcript: None | str | Unset
        if isinstance(self.concatenated_transcript, Unset):
            concatenated_transcript = UNSET
        else:
            concatenated_transcript = self.concatenated_transcript

        data_collected: dict[str, Any] | None | Unset
        if isinstance(self.data_collected, Unset):
            data_collected = UNSET
        elif isinstance(self.data_collected, CallReceivedPayloadDataCollectedType0):
            data_collected = self.data_collected.to_dict()
        else:
            data_collected = self.data_collected

        ivr_result: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ivr_result, Unset):
            ivr_result = []
            for ivr_result_item_data in self.ivr_result:
                ivr_result_item = ivr_result_item_data.to_dict()
                ivr_result.append(ivr_result_item)

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        result: str | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.value

        integration_id: None | str | Unset
        if isinstance(self.integration_id, Unset):
            integration_id = UNSET
        else:
            integration_id = self.integration_id

        transfer_from: dict[str, Any] | None | Unset
        if isinstance(self.transfer_from, Unset):
            transfer_from = UNSET
        elif isinstance(self.transfer_from, TransferParty):
            transfer_from = self.transfer_from.to_dict()
        else:
            transfer_from = self.transfer_from

        transfer_to: dict[str, Any] | None | Unset
        if isinstance(self.transfer_to, Unset):
            transfer_to = UNSET
        elif isinstance(self.transfer_to, TransferParty):
            transfer_to = self.transfer_to.to_dict()
        else:
            transfer_to = self.transfer_to

        transfer_original_call_id: None | str | Unset
        if isinstance(self.transfer_original_call_id, Unset):
            transfer_original_call_id = UNSET
        else:
            transfer_original_call_id = self.transfer_original_call_id

        user_email: None | str | Unset
        if isinstance(self.user_email, Unset):
            user_email = UNSET
        else:
            user_email = self.user_email

        original_to_number: None | str | Unset
        if isinstance(self.original_to_number, Unset):
            original_to_number = UNSET
        else:
            original_to_number = self.original_to_number

        original_to_name: None | str | Unset
        if isinstance(self.original_to_name, Unset):
            original_to_name = UNSET
        else:
            original_to_name = self.original_to_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if recording_url is not UNSET:
            field_dict["recording_url"] = recording_url
        if from_number is not UNSET:
            field_dict["from_number"] = from_number
        if from_name is not UNSET:
            field_dict["from_name"] = from_name
        if to is not UNSET:
            field_dict["to"] = to
        if to_name is not UNSET:
            field_dict["to_name"] = to_name
        if length_in_minutes is not UNSET:
            field_dict["length_in_minutes"] = length_in_minutes
        if length is not UNSET:
            field_dict["length"] = length
        if tag is not UNSET:
            field_dict["tag"] = tag
        if summary is not UNSET:
            field_dict["summary"] = summary
        if one_sentence_summary is not UNSET:
            field_dict["one_sentence_summary"] = one_sentence_summary
        if transcriptions is not UNSET:
            field_dict["transcriptions"] = transcriptions
        if concatenated_transcript is not UNSET:
            field_dict["concatenated_transcript"] = concatenated_transcript
        if data_collected is not UNSET:
            field_dict["data_collected"] = data_collected
        if ivr_result is not UNSET:
            field_dict["ivr_result"] = ivr_result
        if type_ is not UNSET:
            field_dict["type"] = type_
        if result is not UNSET:
            field_dict["result"] = result
        if integration_id is not UNSET:
            field_dict["integration_id"] = integration_id
        if transfer_from is not UNSET:
            field_dict["transfer_from"] = transfer_from
        if transfer_to is not UNSET:
            field_dict["transfer_to"] = transfer_to
        if transfer_original_call_id is not UNSET:
            field_dict["transfer_original_call_id"] = transfer_original_call_id
        if user_email is not UNSET:
            field_dict["user_email"] = user_email
        if original_to_number is not UNSET:
            field_dict["original_to_number"] = original_to_number
        if original_to_name is not UNSET:
            field_dict["original_to_name"] = original_to_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.call_received_payload_data_collected_type_0 import CallReceivedPayloadDataCollectedType0  # noqa: PLC0415
        from ..models.ivr_result import IvrResult  # noqa: PLC0415
        from ..models.transcription_line import TranscriptionLine  # noqa: PLC0415
        from ..models.transfer_party import TransferParty  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        _start_date = d.pop("start_date", UNSET)
        start_date: datetime.datetime | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.datetime.fromisoformat(_start_date)

        def _parse_recording_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recording_url = _parse_recording_url(d.pop("recording_url", UNSET))

        from_number = d.pop("from_number", UNSET)

        def _parse_from_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_name = _parse_from_name(d.pop("from_name", UNSET))

        to = d.pop("to", UNSET)

        def _parse_to_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_name = _parse_to_name(d.pop("to_name", UNSET))

        length_in_minutes = d.pop("length_in_minutes", UNSET)

        length = d.pop("length", UNSET)

        def _parse_tag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tag = _parse_tag(d.pop("tag", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_one_sentence_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        one_sentence_summary = _parse_one_sentence_summary(d.pop("one_sentence_summary", UNSET))

        _transcriptions = d.pop("transcriptions", UNSET)
        transcriptions: list[TranscriptionLine] | Unset = UNSET
        if _transcriptions is not UNSET:
            transcriptions = []
            for transcriptions_item_data in _transcriptions:
                transcriptions_item = TranscriptionLine.from_dict(transcriptions_item_data)

                transcriptions.append(transcriptions_item)

        def _parse_concatenated_transcript(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        concatenated_transcript = _parse_concatenated_transcript(d.pop("concatenated_transcript", UNSET))

        def _parse_data_collected(data: object) -> CallReceivedPayloadDataCollectedType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_collected_type_0 = CallReceivedPayloadDataCollectedType0.from_dict(data)

                return data_collected_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallReceivedPayloadDataCollectedType0 | None | Unset, data)

        data_collected = _parse_data_collected(d.pop("data_collected", UNSET))

        _ivr_result = d.pop("ivr_result", UNSET)
        ivr_result: list[IvrResult] | Unset = UNSET
        if _ivr_result is not UNSET:
            ivr_result = []
            for ivr_result_item_data in _ivr_result:
                ivr_result_item = IvrResult.from_dict(ivr_result_item_data)

                ivr_result.append(ivr_result_item)

        _type_ = d.pop("type", UNSET)
        type_: Direction | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = Direction(_type_)

        _result = d.pop("result", UNSET)
        result: CallResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = CallResult(_result)

        def _parse_integration_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        integration_id = _parse_integration_id(d.pop("integration_id", UNSET))

        def _parse_transfer_from(data: object) -> None | TransferParty | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transfer_from_type_0 = TransferParty.from_dict(data)

                return transfer_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TransferParty | Unset, data)

        transfer_from = _parse_transfer_from(d.pop("transfer_from", UNSET))

        def _parse_transfer_to(data: object) -> None | TransferParty | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transfer_to_type_0 = TransferParty.from_dict(data)

                return transfer_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TransferParty | Unset, data)

        transfer_to = _parse_transfer_to(d.pop("transfer_to", UNSET))

        def _parse_transfer_original_call_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        transfer_original_call_id = _parse_transfer_original_call_id(d.pop("transfer_original_call_id", UNSET))

        def _parse_user_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_email = _parse_user_email(d.pop("user_email", UNSET))

        def _parse_original_to_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        original_to_number = _parse_original_to_number(d.pop("original_to_number", UNSET))

        def _parse_original_to_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        original_to_name = _parse_original_to_name(d.pop("original_to_name", UNSET))

        call_received_payload = cls(
            id=id,
            start_date=start_date,
            recording_url=recording_url,
            from_number=from_number,
            from_name=from_name,
            to=to,
            to_name=to_name,
            length_in_minutes=length_in_minutes,
            length=length,
            tag=tag,
            summary=summary,
            one_sentence_summary=one_sentence_summary,
            transcriptions=transcriptions,
            concatenated_transcript=concatenated_transcript,
            data_collected=data_collected,
            ivr_result=ivr_result,
            type_=type_,
            result=result,
            integration_id=integration_id,
            transfer_from=transfer_from,
            transfer_to=transfer_to,
            transfer_original_call_id=transfer_original_call_id,
            user_email=user_email,
            original_to_number=original_to_number,
            original_to_name=original_to_name,
        )

        call_received_payload.additional_properties = d
        return call_received_payload

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
