"""Bytes -> text for raw inputs: encoding guesses, binary sniffing, repair.

Order of attempts: UTF-8 (with or without BOM), UTF-16 with a BOM, then
cp1252 (Windows "ANSI", what most mis-encoded Indonesian/Western text is),
then latin-1 for the five bytes cp1252 leaves undefined. Text that was
UTF-8, wrongly read as cp1252 and saved again as UTF-8 ("TÃ¼rkiye") is
repaired when the round trip gives clean UTF-8.

Every function here is pure; ``decode_bytes`` returns the text or a short
reason token (``binary``/``encoding``) with a detail message.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Control characters that never occur in text (everything below 0x20 except
# tab, newline, vertical tab, form feed and carriage return).
_CONTROL_BYTES = frozenset(set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D})
_SNIFF = 8192
_MAX_CONTROL_RATIO = 0.05
_MAX_ODD_CHAR_RATIO = 0.10

# "Ã¼", "â€œ", "Ã©": a UTF-8 lead byte read as cp1252 followed by a
# continuation byte read as cp1252.
_MOJIBAKE_RE = re.compile("[ÂÃÄÅÆÇÐÑÒÓâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_CONTROL_CHARS_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """The outcome of decoding: ``text`` or a failure ``reason``."""

    text: str | None
    encoding: str = ""
    reason: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.text is not None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any 8-bit or UTF-8 encoding.

    NUL bytes or more than a few percent of control bytes in the first 8 KB
    mean binary (UTF-16 with a BOM is handled before this is asked).
    """
    head = data[:_SNIFF]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL_BYTES)
    return controls / len(head) > _MAX_CONTROL_RATIO


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage ("TÃ¼rkiye" -> "Türkiye") when safe.

    The repair is applied only when the text shows the tell-tale pairs and the
    round trip decodes as strict UTF-8; otherwise the text is returned as is.
    """
    if not _MOJIBAKE_RE.search(text):
        return text
    try:
        fixed = _cp1252_bytes(text).decode("utf-8")
    except UnicodeError:
        return text
    return fixed if len(fixed) < len(text) else text


def _cp1252_bytes(text: str) -> bytes:
    """Encode as cp1252, passing its five undefined bytes through as latin-1
    (that is how Windows software reads them, so mojibake contains them)."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def normalise_text(text: str) -> str:
    """NFC, no BOM, ``\\n`` line ends. Applied once, at ingest."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _odd_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_CHARS_RE.findall(text)) / len(text)


def decode_bytes(data: bytes) -> Decoded:
    """Decode raw input bytes to normalised text, or say why not."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(normalise_text(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as exc:
            return Decoded(None, reason="encoding", detail=f"bad UTF-16: {exc.reason}")
    if looks_binary(data):
        return Decoded(None, reason="binary", detail="NUL or control bytes: not a text file")
    try:
        text = data.decode("utf-8")
        return Decoded(normalise_text(repair_mojibake(text)), "utf-8")
    except UnicodeDecodeError:
        pass
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _odd_ratio(text) > _MAX_ODD_CHAR_RATIO:
            break
        return Decoded(normalise_text(text), enc)
    return Decoded(None, reason="encoding", detail="neither UTF-8 nor a readable 8-bit encoding")
