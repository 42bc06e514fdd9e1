"""Contains shared errors types that can be raised from API functions"""

from typing import Any


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


_MISSING: Any = object()


class SchemaMismatchError(ValueError):
    """A JSON value does not fit the spec's schema: raised by every model's `from_dict` (and so by the API functions).

    `path` says where, from the object given to `from_dict`: `data.results[3].numbers` (empty: that object itself).
    `expected` is what the schema allows there (`an array`, `a string or null`...), `found` the JSON type received
    (`string`; `nothing` for a required field that is missing). `steps` is the path as a tuple, outermost first
    (`(".data", ".results", "[3]", ".numbers")`), for a caller that maps it back onto the keys it was sent. The message quotes at most a short excerpt of the
    value: bodies hold personal data. Unknown fields and unknown enum values are not mismatches (the API may add
    them); a field's type, a required field, a nullable one and a date-time's format are.
    """

    def __init__(self, expected: str, value: Any = _MISSING, *steps: str) -> None:
        self.expected = expected
        self.found = "nothing" if value is _MISSING else _kind(value)
        self.excerpt = "" if value is _MISSING else _excerpt(value)
        self._steps = list(steps)  # innermost first: `[3]`, `.results`, `.data`
        super().__init__(expected)

    @classmethod
    def missing(cls, step: str) -> "SchemaMismatchError":
        """A required field is absent."""
        return cls("a value (the field is required)", _MISSING, step)

    @classmethod
    def item(cls, expected: str, items: list[Any], value: Any, *steps: str) -> "SchemaMismatchError":
        """`value`, an item of the array `items`, is not `expected` (its index is found only now, on failure)."""
        index = next(i for i, candidate in enumerate(items) if candidate is value)
        return cls(expected, value, f"[{index}]", *steps)

    def at(self, *steps: str) -> "SchemaMismatchError":
        """Add the steps leading to the value (innermost first), as the error goes up through the enclosing models."""
        self._steps.extend(steps)
        return self

    @property
    def steps(self) -> tuple[str, ...]:
        """The path's steps, outermost first: `.name` for an object's member, `[index]` for an array's item."""
        return tuple(reversed(self._steps))

    @property
    def path(self) -> str:
        """The JSON path to the value, like `data.results[3].numbers`."""
        return "".join(reversed(self._steps)).removeprefix(".")

    def __str__(self) -> str:
        where = f"`{self.path}`" if self._steps else "the value"
        if self.found == "nothing":
            return f"{where} is missing (required)"
        return f"{where} must be {self.expected}, got {self.found}{self.excerpt}"

    def __reduce__(self) -> Any:
        state = {"found": self.found, "excerpt": self.excerpt, "_steps": self._steps}
        return (type(self), (self.expected,), state)


def _kind(value: Any) -> str:
    """The JSON name of `value`'s type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _excerpt(value: Any) -> str:
    """A short look at `value` (at most 16 characters of a string), never the whole of it."""
    if isinstance(value, str):
        return f" ({value[:16]!r}{'...' if len(value) > 16 else ''})"
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        # bounded: str() of a huge int raises ValueError (3.11's digit limit) and would be long anyway
        text = repr(value) if isinstance(value, float) or -(10**16) < value < 10**16 else "a long integer"
        return f" ({text[:16]}{'...' if len(text) > 16 else ''})"
    if isinstance(value, list | dict):
        return f" of {len(value)} item{'s' if len(value) != 1 else ''}"
    return ""


__all__ = ["SchemaMismatchError", "UnexpectedStatus"]
