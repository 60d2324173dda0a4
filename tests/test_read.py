"""Reading files: decoding and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.read import read_raw
from pipeline.settings import Settings


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n", "whitespace only"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"PK\x03\x04\x14\x00", "zip archive"),
        (b"abc\x00\x00\x00def", "NUL bytes"),
        ("café crème".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_refusals_name_file_and_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as err:
        read_raw(path, Settings())
    message = str(err.value)
    assert str(path) in message and reason in message
    assert "\n" not in message


def test_size_limit_is_a_setting(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"The war began in 1939.\n" * 100)
    with pytest.raises(InputError, match="max_bytes"):
        read_raw(path, Settings(max_bytes=1000))
    assert read_raw(path, Settings(max_bytes=10_000)).text.startswith("The war")


def test_utf16_and_bom(tmp_path: Path) -> None:
    text = "蒙古於1940年7月18日簽署協議。"
    assert read_raw(_write(tmp_path, "a.txt", text.encode("utf-16")), Settings()).text == text
    got = read_raw(_write(tmp_path, "b.txt", b"\xef\xbb\xbf" + text.encode()), Settings())
    assert got.text == "\ufeff" + text  # offsets stay those of the file


def test_legacy_chinese_encodings_when_certain(tmp_path: Path) -> None:
    text = "蒙古部隊於一九三九年夏參加了戰役，並於一九四五年八月參加了蘇聯入侵滿洲。"
    big5 = read_raw(_write(tmp_path, "big5.txt", text.encode("big5")), Settings())
    assert big5.text == text and big5.encoding == "big5"
    simplified = "蒙古部队于一九三九年夏参加了战役，并于一九四五年八月参加了苏联入侵满洲。"
    gbk = read_raw(_write(tmp_path, "gbk.txt", simplified.encode("gbk")), Settings())
    assert gbk.text == simplified and gbk.encoding == "gbk"
