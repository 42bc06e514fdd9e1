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
        start_date = src_dict.get("start_date", UNSET)
        if type(start_date) is str:
            try:
                start_date = _fromisoformat(start_date)
            except ValueError:
                start_date = _parse_datetime(start_date, ".start_date")

        elif start_date is UNSET:
            _missing += 1
        else:
            if not (type(start_date) is str or isinstance(start_date, str)):
                raise _Mismatch("an ISO 8601 date-time string", start_date, ".start_date")
            try:
                start_date = _fromisoformat(start_date)
            except ValueError:
                start_date = _parse_datetime(start_date, ".start_date")

        recording_url = src_dict.get("recording_url", UNSET)
        if type(recording_url) is not str and recording_url is not None:
            if recording_url is UNSET:
                _missing += 1
            elif not ((type(recording_url) is str or isinstance(recording_url, str)) or recording_url is None):
                raise _Mismatch("a string or null", recording_url, ".recording_url")
        from_number = src_dict.get("from_number", UNSET)
        if type(from_number) is not str:
            if from_number is UNSET:
                _missing += 1
            elif not (type(from_number) is str or isinstance(from_number, str)):
                raise _Mismatch("a string", from_number, ".from_number")
        from_name = src_dict.get("from_name", UNSET)
        if type(from_name) is not str and from_name is not None:
            if from_name is UNSET:
                _missing += 1
            elif not ((type(from_name) is str or isinstance(from_name, str)) or from_name is None):
                raise _Mismatch("a string or null", from_name, ".from_name")
        to = src_dict.get("to", UNSET)
        if type(to) is not str:
            if to is UNSET:
                _missing += 1
            elif not (type(to) is str or isinstance(to, str)):
                raise _Mismatch("a string", to, ".to")
        to_name = src_dict.get("to_name", UNSET)
        if type(to_name) is not str and to_name is not None:
            if to_name is UNSET:
                _missing += 1
            elif not ((type(to_name) is str or isinstance(to_name, str)) or to_name is None):
                raise _Mismatch("a string or null", to_name, ".to_name")
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
        length = src_dict.get("length", UNSET)
        if type(length) is not str:
            if length is UNSET:
                _missing += 1
            elif not (type(length) is str or isinstance(length, str)):
                raise _Mismatch("a string", length, ".length")
        tag = src_dict.get("tag", UNSET)
        if type(tag) is not str and tag is not None:
            if tag is UNSET:
                _missing += 1
            elif not ((type(tag) is str or isinstance(tag, str)) or tag is None):
                raise _Mismatch("a string or null", tag, ".tag")
        summary = src_dict.get("summary", UNSET)
        if type(summary) is not str and summary is not None:
            if summary is UNSET:
                _missing += 1
            elif not ((type(summary) is str or isinstance(summary, str)) or summary is None):
                raise _Mismatch("a string or null", summary, ".summary")
        one_sentence_summary = src_dict.get("one_sentence_summary", UNSET)
        if type(one_sentence_summary) is not str and one_sentence_summary is not None:
            if one_sentence_summary is UNSET:
                _missing += 1
            elif not (
                (type(one_sentence_summary) is str or isinstance(one_sentence_summary, str))
                or one_sentence_summary is None
            ):
                raise _Mismatch("a string or null", one_sentence_summary, ".one_sentence_summary")
        transcriptions = src_dict.get("transcriptions", UNSET)
        if transcriptions is not UNSET:
            if not (type(transcriptions) is list or isinstance(transcriptions, list)):
                raise _Mismatch("an array", transcriptions, ".transcriptions")
            _transcriptions_items: list[Any] = []
            try:
                for _item0 in transcriptions:
                    _transcriptions_items.append(_from_dict_TranscriptionLine(_item0))
            except _Mismatch as _error:
                _error.at(f"[{len(_transcriptions_items)}]", ".transcriptions")
                raise
            transcriptions = _transcriptions_items

        else:
            _missing += 1
        concatenated_transcript = src_dict.get("concatenated_transcript", UNSET)
        if type(concatenated_transcript) is not str and concatenated_transcript is not None:
            if concatenated_transcript is UNSET:
                _missing += 1
            elif not (
                (type(concatenated_transcript) is str or isinstance(concatenated_transcript, str))
                or concatenated_transcript is None
            ):
                raise _Mismatch("a string or null", concatenated_transcript, ".concatenated_transcript")
        data_collected = src_dict.get("data_collected", UNSET)
        if data_collected is not UNSET:
            if data_collected is None:
                pass
            elif type(data_collected) is dict or isinstance(data_collected, dict):
                try:
                    data_collected = _from_dict_CallReceivedPayloadDataCollectedType0(data_collected)
                except _Mismatch as _error:
                    _error.at(".data_collected")
                    raise
            else:
                raise _Mismatch("an object or null", data_collected, ".data_collected")

        else:
            _missing += 1
        ivr_result = src_dict.get("ivr_result", UNSET)
        if ivr_result is not UNSET:
            if not (type(ivr_result) is list or isinstance(ivr_result, list)):
                raise _Mismatch("an array", ivr_result, ".ivr_result")
            _ivr_result_items: list[Any] = []
            try:
                for _item0 in ivr_result:
                    _ivr_result_items.append(_from_dict_IvrResult(_item0))
            except _Mismatch as _error:
                _error.at(f"[{len(_ivr_result_items)}]", ".ivr_result")
                raise
            ivr_result = _ivr_result_items

        else:
            _missing += 1
        type_ = src_dict.get("type", UNSET)
        if type_ is not UNSET:
            if not (type(type_) is str or isinstance(type_, str)):
                raise _Mismatch("a string", type_, ".type")
            try:  # the member table first (see the end of the module): calling an Enum class is slow
                type_ = _BY_VALUE_Direction.get(type_) or Direction(type_)
            except ValueError:
                raise _Mismatch("one of Direction's values", type_, ".type") from None

        else:
            _missing += 1
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
        integration_id = src_dict.get("integration_id", UNSET)
        if type(integration_id) is not str and integration_id is not None:
            if integration_id is UNSET:
                _missing += 1
            elif not ((type(integration_id) is str or isinstance(integration_id, str)) or integration_id is None):
                raise _Mismatch("a string or null", integration_id, ".integration_id")
        transfer_from = src_dict.get("transfer_from", UNSET)
        if transfer_from is not UNSET:
            if transfer_from is None:
                pass
            elif type(transfer_from) is dict or isinstance(transfer_from, dict):
                _transfer_from__missing = 0
                _transfer_from_number = transfer_from.get("number", UNSET)
                if type(_transfer_from_number) is not str and _transfer_from_number is not None:
                    if _transfer_from_number is UNSET:
                        _transfer_from__missing += 1
                    elif not (
                        (type(_transfer_from_number) is str or isinstance(_transfer_from_number, str))
                        or _transfer_from_number is None
                    ):
                        raise _Mismatch("a string or null", _transfer_from_number, ".number", ".transfer_from")
                _transfer_from_user_email = transfer_from.get("user_email", UNSET)
                if type(_transfer_from_user_email) is not str and _transfer_from_user_email is not None:
                    if _transfer_from_user_email is UNSET:
                        _transfer_from__missing += 1
                    elif not (
                        (type(_transfer_from_user_email) is str or isinstance(_transfer_from_user_email, str))
                        or _transfer_from_user_email is None
                    ):
                        raise _Mismatch("a string or null", _transfer_from_user_email, ".user_email", ".transfer_from")
                _transfer_from_user_name = transfer_from.get("user_name", UNSET)
                if type(_transfer_from_user_name) is not str and _transfer_from_user_name is not None:
                    if _transfer_from_user_name is UNSET:
                        _transfer_from__missing += 1
                    elif not (
                        (type(_transfer_from_user_name) is str or isinstance(_transfer_from_user_name, str))
                        or _transfer_from_user_name is None
                    ):
                        raise _Mismatch("a string or null", _transfer_from_user_name, ".user_name", ".transfer_from")
                _transfer_from__model = _new_instance(_TransferParty)
                _transfer_from__model.number = _transfer_from_number
                _transfer_from__model.user_email = _transfer_from_user_email
                _transfer_from__model.user_name = _transfer_from_user_name
                if len(transfer_from) + _transfer_from__missing == 3:
                    _transfer_from__model.additional_properties = {}
                else:
                    _transfer_from__model.additional_properties = _unknown_fields(
                        transfer_from, _KNOWN_FIELDS_TransferParty
                    )
                transfer_from = _transfer_from__model
            else:
                raise _Mismatch("an object or null", transfer_from, ".transfer_from")

        else:
            _missing += 1
        transfer_to = src_dict.get("transfer_to", UNSET)
        if transfer_to is not UNSET:
            if transfer_to is None:
                pass
            elif type(transfer_to) is dict or isinstance(transfer_to, dict):
                _transfer_to__missing = 0
                _transfer_to_number = transfer_to.get("number", UNSET)
                if type(_transfer_to_number) is not str and _transfer_to_number is not None:
                    if _transfer_to_number is UNSET:
                        _transfer_to__missing += 1
                    elif not (
                        (type(_transfer_to_number) is str or isinstance(_transfer_to_number, str))
                        or _transfer_to_number is None
                    ):
                        raise _Mismatch("a string or null", _transfer_to_number, ".number", ".transfer_to")
                _transfer_to_user_email = transfer_to.get("user_email", UNSET)
                if type(_transfer_to_user_email) is not str and _transfer_to_user_email is not None:
                    if _transfer_to_user_email is UNSET:
                        _transfer_to__missing += 1
                    elif not (
                        (type(_transfer_to_user_email) is str or isinstance(_transfer_to_user_email, str))
                        or _transfer_to_user_email is None
                    ):
                        raise _Mismatch("a string or null", _transfer_to_user_email, ".user_email", ".transfer_to")
                _transfer_to_user_name = transfer_to.get("user_name", UNSET)
                if type(_transfer_to_user_name) is not str and _transfer_to_user_name is not None:
                    if _transfer_to_user_name is UNSET:
                        _transfer_to__missing += 1
                    elif not (
                        (type(_transfer_to_user_name) is str or isinstance(_transfer_to_user_name, str))
                        or _transfer_to_user_name is None
                    ):
                        raise _Mismatch("a string or null", _transfer_to_user_name, ".user_name", ".transfer_to")
                _transfer_to__model = _new_instance(_TransferParty)
                _transfer_to__model.number = _transfer_to_number
                _transfer_to__model.user_email = _transfer_to_user_email
                _transfer_to__model.user_name = _transfer_to_user_name
                if len(transfer_to) + _transfer_to__missing == 3:
                    _transfer_to__model.additional_properties = {}
                else:
                    _transfer_to__model.additional_properties = _unknown_fields(
                        transfer_to, _KNOWN_FIELDS_TransferParty
                    )
                transfer_to = _transfer_to__model
            else:
                raise _Mismatch("an object or null", transfer_to, ".transfer_to")

        else:
            _missing += 1
        transfer_original_call_id = src_dict.get("transfer_original_call_id", UNSET)
        if type(transfer_original_call_id) is not str and transfer_original_call_id is not None:
            if transfer_original_call_id is UNSET:
                _missing += 1
            elif not (
                (type(transfer_original_call_id) is str or isinstance(transfer_original_call_id, str))
                or transfer_original_call_id is None
            ):
                raise _Mismatch("a string or null", transfer_original_call_id, ".transfer_original_call_id")
        user_email = src_dict.get("user_email", UNSET)
        if type(user_email) is not str and user_email is not None:
            if user_email is UNSET:
                _missing += 1
            elif not ((type(user_email) is str or isinstance(user_email, str)) or user_email is None):
                raise _Mismatch("a string or null", user_email, ".user_email")
        original_to_number = src_dict.get("original_to_number", UNSET)
        if type(original_to_number) is not str and original_to_number is not None:
            if original_to_number is UNSET:
                _missing += 1
            elif not (
                (type(original_to_number) is str or isinstance(original_to_number, str)) or original_to_number is None
            ):
                raise _Mismatch("a string or null", original_to_number, ".original_to_number")
        original_to_name = src_dict.get("original_to_name", UNSET)
        if type(original_to_name) is not str and original_to_name is not None:
            if original_to_name is UNSET:
                _missing += 1
            elif not ((type(original_to_name) is str or isinstance(original_to_name, str)) or original_to_name is None):
                raise _Mismatch("a string or null", original_to_name, ".original_to_name")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        call_received_payload = _new_instance(cls)
        call_received_payload.id = id
        call_received_payload.start_date = start_date
        call_received_payload.recording_url = recording_url
        call_received_payload.from_number = from_number
        call_received_payload.from_name = from_name
        call_received_payload.to = to
        call_received_payload.to_name = to_name
        call_received_payload.length_in_minutes = length_in_minutes
        call_received_payload.length = length
        call_received_payload.tag = tag
        call_received_payload.summary = summary
        call_received_payload.one_sentence_summary = one_sentence_summary
        call_received_payload.transcriptions = transcriptions
        call_received_payload.concatenated_transcript = concatenated_transcript
        call_received_payload.data_collected = data_collected
        call_received_payload.ivr_result = ivr_result
        call_received_payload.type_ = type_
        call_received_payload.result = result
        call_received_payload.integration_id = integration_id
        call_received_payload.transfer_from = transfer_from
        call_received_payload.transfer_to = transfer_to
        call_received_payload.transfer_original_call_id = transfer_original_call_id
        call_received_payload.user_email = user_email
        call_received_payload.original_to_number = original_to_number
        call_received_payload.original_to_name = original_to_name
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 25:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        call_received_payload.additional_properties = additional_properties
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


_new_instance = object.__new__
_fromisoformat = datetime.datetime.fromisoformat
_CallReceivedPayload = CallReceivedPayload  # a model may contain itself (a tree)
_from_dict_CallReceivedPayload = CallReceivedPayload.from_dict
_BY_VALUE_CallResult: dict[Any, CallResult] = {member.value: member for member in CallResult}
_BY_VALUE_Direction: dict[Any, Direction] = {member.value: member for member in Direction}

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "id",
        "start_date",
        "recording_url",
        "from_number",
        "from_name",
        "to",
        "to_name",
        "length_in_minutes",
        "length",
        "tag",
        "summary",
        "one_sentence_summary",
        "transcriptions",
        "concatenated_transcript",
        "data_collected",
        "ivr_result",
        "type",
        "result",
        "integration_id",
        "transfer_from",
        "transfer_to",
        "transfer_original_call_id",
        "user_email",
        "original_to_number",
        "original_to_name",
    }
)

# Nested models, imported after the class so that models referring to each other import in either order.
from ..models.call_received_payload_data_collected_type_0 import (
    CallReceivedPayloadDataCollectedType0 as _CallReceivedPayloadDataCollectedType0,  # noqa: E402
)
from ..models.ivr_result import IvrResult as _IvrResult  # noqa: E402
from ..models.transcription_line import TranscriptionLine as _TranscriptionLine  # noqa: E402

# The fields of the small flat models that from_dict builds inline (strict_from_dict.jinja's inline_model).
from ..models.transfer_party import _KNOWN_FIELDS as _KNOWN_FIELDS_TransferParty  # noqa: E402
from ..models.transfer_party import TransferParty as _TransferParty  # noqa: E402

# Bound once here, instead of binding the classmethod again for each nested object parsed.
_from_dict_CallReceivedPayloadDataCollectedType0 = _CallReceivedPayloadDataCollectedType0.from_dict
_from_dict_IvrResult = _IvrResult.from_dict
_from_dict_TranscriptionLine = _TranscriptionLine.from_dict
_from_dict_TransferParty = _TransferParty.from_dict
