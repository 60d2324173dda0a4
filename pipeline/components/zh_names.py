"""Transliterated foreign names written with a middle dot: 維亞切斯拉夫·莫洛托夫.

jieba splits such names at the dot (its regular expressions treat ``·`` as a
separator). This finds them before segmentation so they stay one token: the
words around the dot that look like parts of a name, read outwards from the
dot until a common word (外交委员 … 宣布), by their jieba flags.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.segment import JiebaTokenizer

DOTS = "·・‧•"
_DOTTED = re.compile(rf"[\u4e00-\u9fff]+(?:[{DOTS}][\u4e00-\u9fff]+)+")
#: jieba flags of words that can be part of a transliterated name (x: not in the dictionary).
_NAME_FLAGS = frozenset(["nr", "nrt", "nrfg", "nz", "ns", "x", "eng"])


def dotted_names(text: str, tokenizer: JiebaTokenizer) -> list[tuple[int, int]]:
    """``(start, end)`` of every middle-dot name in simplified ``text``."""
    spans = []
    for m in _DOTTED.finditer(text):
        start, end = m.start(), m.end()
        first_dot = min(m.group().find(d) for d in DOTS if d in m.group())
        last_dot = max(m.group().rfind(d) for d in DOTS)
        left = tokenizer.jieba.lcut(text[start : start + first_dot])
        keep = _name_run(list(reversed(left)), tokenizer)
        start += sum(len(w) for w in left[: len(left) - keep])
        right = tokenizer.jieba.lcut(text[m.start() + last_dot + 1 : end])
        keep = _name_run(right, tokenizer)
        end -= sum(len(w) for w in right[keep:])
        spans.append((start, end))
    return spans


def _name_run(words: list[str], tokenizer: JiebaTokenizer) -> int:
    """How many of ``words`` (read outwards from the dot) belong to the name; at least one."""
    n = 1
    while n < len(words) and tokenizer.flag(words[n]) in _NAME_FLAGS:
        n += 1
    return n
