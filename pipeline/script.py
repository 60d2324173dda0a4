"""Stage 2, script: traditional ↔ simplified Chinese with OpenCC, offsets kept.

Chinese is processed in simplified script (jieba's dictionary is simplified).
OpenCC's phrase tables can change the length of a text; the pipeline needs
character ``i`` of the simplified text to be character ``i`` of the original,
so a conversion that changes the length is redone character by character.
"""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=8)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config if config.endswith(".json") else f"{config}.json")


class ScriptConverter:
    """Length-preserving OpenCC conversion in both directions."""

    def __init__(self, t2s: str = "t2s", s2t: str = "s2t") -> None:
        self._t2s = _converter(t2s)
        self._s2t = _converter(s2t)

    def to_hans(self, text: str) -> str:
        return _same_length(self._t2s, text)

    def to_hant(self, text: str) -> str:
        return _same_length(self._s2t, text)


def _same_length(converter: opencc.OpenCC, text: str) -> str:
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for ch in text:
        one = converter.convert(ch)
        out.append(one if len(one) == 1 else ch)
    return "".join(out)


@lru_cache(maxsize=4)
def get_converter(t2s: str = "t2s", s2t: str = "s2t") -> ScriptConverter:
    """One converter per configuration and process."""
    return ScriptConverter(t2s, s2t)
