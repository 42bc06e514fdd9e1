from enum import StrEnum


class WebhookTopic(StrEnum):
    CALL_RECEIVED = "CALL_RECEIVED"
    CONTACT_CREATED = "CONTACT_CREATED"
    CONTACT_UPDATED = "CONTACT_UPDATED"
    PING = "PING"
    SMS_RECEIVED = "SMS_RECEIVED"
    SMS_SENT = "SMS_SENT"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value this client's spec did not list (the server sent a newer one)."""
        return self._value_ in type(self)._value2member_map_

    @classmethod
    def _missing_(cls, value: object) -> "WebhookTopic | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
