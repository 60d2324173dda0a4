"""jieba's own dictionary: word → part-of-speech flag, read once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jieba

FLAG_LABELS: dict[str, str] = {
    "nr": "PERSON",
    "nrfg": "PERSON",
    "nrt": "PERSON",
    "ns": "PLACE",
    "nt": "ORG",
}


def dictionary_path() -> Path:
    return Path(jieba.__file__).parent / "dict.txt"


@lru_cache(maxsize=1)
def flags() -> dict[str, str]:
    """Every word of jieba's dictionary with its flag (what ``jieba.posseg`` gives it)."""
    table: dict[str, str] = {}
    with open(dictionary_path(), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                table[parts[0]] = parts[2]
    return table
