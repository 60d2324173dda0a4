"""Read a source file: decode its bytes, refuse what cannot be read.

Offsets everywhere count code points of the text returned here, which is the
raw file decoded as UTF-8 (a UTF-8 byte-order mark stays as U+FEFF, so that
offsets stay those of the file).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.settings import Settings

#: Magic numbers of common binary files, for a clear refusal.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


@dataclass(frozen=True)
class RawText:
    """A decoded source file."""

    path: Path
    text: str
    encoding: str
    content_hash: str


def read_raw(path: Path, settings: Settings) -> RawText:
    """Read and decode ``path``, or raise :class:`InputError` saying why not."""
    source = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("file not found", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=source) from exc
    if not path.is_file():
        raise InputError("not a regular file", source=source)
    if size > settings.max_bytes:
        raise InputError(
            f"file is {size:,} bytes, over the limit of {settings.max_bytes:,} "
            "(setting max_bytes, option --max-bytes)",
            source=source,
        )
    data = path.read_bytes()
    if not data:
        raise InputError("empty file", source=source)
    text, encoding = decode(data, source)
    if not text.strip("\ufeff \t\r\n\u3000"):
        raise InputError("no text (whitespace only)", source=source)
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > settings.max_line_chars:
        raise InputError(
            f"a line of {longest:,} characters, over the limit of {settings.max_line_chars:,} "
            "(setting max_line_chars)",
            source=source,
        )
    return RawText(path, text, encoding, hashlib.sha256(data).hexdigest())


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM); refuse binary and unknown encodings."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary file ({what}), not text", source=source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError("broken UTF-16 despite its byte-order mark", source=source) from exc
    head = data[:8192]
    if head.count(b"\x00") > max(1, len(head) // 100):  # a stray NUL is dropped in cleaning
        raise InputError("binary file (contains NUL bytes), not text", source=source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        legacy = _decode_legacy_chinese(data)
        if legacy is not None:
            return legacy
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) and not "
            "certainly GBK or Big5; convert the file to UTF-8",
            source=source,
        ) from exc


def _decode_legacy_chinese(data: bytes) -> tuple[str, str] | None:
    """Decode GBK or Big5 when exactly one of them reads the bytes as Chinese text."""
    readings: list[tuple[str, str]] = []
    for encoding in ("gbk", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_chinese(text):
            readings.append((text, encoding))
    return readings[0] if len(readings) == 1 else None


def _looks_chinese(text: str) -> bool:
    """Most non-ASCII characters are common CJK ideographs or CJK punctuation."""
    wide = [c for c in text if ord(c) > 127]
    if not wide:
        return False
    common = sum(
        1
        for c in wide
        if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
    )
    return common / len(wide) > 0.95
