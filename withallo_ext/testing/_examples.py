"""The webhook payloads FakeAllo.deliver sends by default: the examples of the spec's `webhooks:` section.

Kept here so that the installed package needs no copy of openapi/withallo.yaml; tests/fake checks that they
still equal the spec's examples.
"""

from __future__ import annotations

from typing import Any

WEBHOOK_EXAMPLES: dict[str, dict[str, Any]] = {
    "CALL_RECEIVED": {
        "topic": "CALL_RECEIVED",
        "data": {
            "id": "call-7Hq2LmX9",
            "start_date": "2026-11-20T14:03:12Z",
            "recording_url": "https://recordings.withallo.com/call-7Hq2LmX9.mp3",
            "from_number": "+14155550199",
            "from_name": "Jane Cooper",
            "to": "+14155550123",
            "to_name": "Support line",
            "length_in_minutes": 2.5,
            "length": "2m 30s",
            "tag": "support",
            "summary": "The customer asked to move Tuesday's delivery to Thursday morning.",
            "one_sentence_summary": "Delivery moved to Thursday.",
            "transcriptions": [
                {"source": "EXTERNAL", "time": "00:00:02", "text": "Hi, I need to move my delivery."},
                {"source": "AGENT", "time": "00:00:06", "text": "Of course, which day suits you?"},
            ],
            "concatenated_transcript": "Caller: Hi, I need to move my delivery. Agent: Of course, which day suits you?",
            "data_collected": {"preferred_day": "Thursday"},
            "ivr_result": [{"dtmf_key": "2", "text_key": "Deliveries"}],
            "type": "INBOUND",
            "result": "ANSWERED",
            "integration_id": None,
            "transfer_from": None,
            "transfer_to": {"number": "+14155550142", "user_email": "sam@acme.example", "user_name": "Sam Lee"},
            "transfer_original_call_id": None,
            "user_email": "support@acme.example",
            "original_to_number": None,
            "original_to_name": None,
        },
    },
    "SMS_RECEIVED": {
        "topic": "SMS_RECEIVED",
        "data": {
            "id": "sms-4Rt8Pq",
            "direction": "INBOUND",
            "type": "SMS",
            "content": "Is Thursday morning still fine?",
            "sent_at": "2026-11-20T15:01:44Z",
            "from_number": "+14155550199",
            "to_number": "+14155550123",
            "from_name": "Jane Cooper",
            "to_name": None,
        },
    },
    "SMS_SENT": {
        "topic": "SMS_SENT",
        "data": {
            "id": "sms-9Kd2Wz",
            "direction": "OUTBOUND",
            "type": "SMS",
            "content": "Your delivery is now booked for Thursday morning.",
            "sent_at": "2026-11-20T14:10:00",
            "from_number": "+14155550123",
            "to_number": "+14155550199",
            "from_name": "Support line",
            "to_name": "Jane Cooper",
        },
    },
    "CONTACT_CREATED": {
        "topic": "CONTACT_CREATED",
        "data": {
            "id": "cnt_8d2kQ1",
            "name": "Jane",
            "last_name": "Cooper",
            "company": "Acme Logistics",
            "emails": ["jane.cooper@acme.example"],
            "numbers": ["+14155550199"],
        },
    },
    "CONTACT_UPDATED": {
        "topic": "CONTACT_UPDATED",
        "data": {
            "id": "cnt_8d2kQ1",
            "name": "Jane",
            "last_name": "Smith",
            "company": None,
            "emails": ["jane.cooper@acme.example", "j.smith@acme.example"],
            "numbers": ["+14155550199"],
        },
    },
    "PING": {"topic": "PING", "data": {}},
}
