from enum import StrEnum


class TranscriptSource(StrEnum):
    AGENT = "AGENT"
    EXTERNAL = "EXTERNAL"
    USER = "USER"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value this client's spec did not list (the server sent a newer one)."""
        return self._value_ in type(self)._value2member_map_

    @classmethod
    def _missing_(cls, value: object) -> "TranscriptSource | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
