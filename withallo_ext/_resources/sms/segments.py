"""How a text travels as SMS: its encoding (GSM-7 or UCS-2) and how many SMS segments it is billed as.

A text made only of GSM 03.38 characters goes as GSM-7: 160 septets in a single SMS, 153 per part once it must be
split (the rest carries the concatenation header). The extension-table characters (`{ } [ ] \\ ^ ~ | €` and form
feed) take two septets each. Any other character makes the whole text UCS-2: 70 UTF-16 code units in one SMS,
67 per part; characters beyond the Basic Multilingual Plane (most emoji) take two units. A part never splits an
escape pair or a surrogate pair, so a character that would straddle two parts starts the next one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Encoding = Literal["GSM-7", "UCS-2"]

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

# (units in a single SMS, units per part of a longer text)
_SIZES: dict[Encoding, tuple[int, int]] = {"GSM-7": (160, 153), "UCS-2": (70, 67)}


@dataclass(frozen=True)
class SegmentCount:
    """A text's encoding, its length in that encoding's units (septets or UTF-16 code units), and its SMS count."""

    encoding: Encoding
    units: int
    segments: int


def encoding_of(text: str) -> Encoding:
    """GSM-7 when every character is in the GSM 03.38 basic or extension table, else UCS-2."""
    return "GSM-7" if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text) else "UCS-2"


def _unit_sizes(text: str, encoding: Encoding) -> list[int]:
    """Each character's size in units: 1 or 2 septets (GSM-7), 1 or 2 UTF-16 code units (UCS-2)."""
    if encoding == "GSM-7":
        return [2 if c in GSM7_EXTENSION else 1 for c in text]
    return [2 if ord(c) > 0xFFFF else 1 for c in text]


def count_segments(text: str) -> SegmentCount:
    """The encoding and number of SMS segments `text` is sent as (0 segments for an empty text)."""
    encoding = encoding_of(text)
    sizes = _unit_sizes(text, encoding)
    units = sum(sizes)
    single, per_part = _SIZES[encoding]
    if units <= single:
        return SegmentCount(encoding, units, 1 if units else 0)
    parts, used = 1, 0
    for size in sizes:
        if used + size > per_part:
            parts, used = parts + 1, 0
        used += size
    return SegmentCount(encoding, units, parts)
