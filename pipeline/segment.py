"""Stage 3, segment: jieba as the tokenizer of a spaCy ``zh`` pipeline.

The tokenizer owns a ``jieba.Tokenizer`` instance (jieba's module globals are
never touched) and puts jieba's part-of-speech flag of every word on
``token.tag_`` by a dictionary lookup, which gives what ``jieba.posseg`` gives
for dictionary words at the cost of ``jieba.lcut``. ``segment(text,
protected=…)`` keeps given spans (an article's link anchors, transliterated
names) as single tokens, so linked names are never cut apart.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline import jieba_dict

_NUMBER = re.compile(r"^[0-9０-９.,]+$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9\-]*$")


class JiebaTokenizer:
    """spaCy tokenizer: simplified Chinese text → Doc of jieba words with flags on ``tag_``."""

    def __init__(self, vocab: Vocab, user_dict: Path | None = None) -> None:
        self.vocab = vocab
        jieba.setLogLevel(logging.WARNING)
        self.jieba = jieba.Tokenizer()
        self.jieba.initialize()
        self.flags: dict[str, str] = dict(jieba_dict.flags())
        if user_dict is not None:
            self.add_dictionary(user_dict)

    def add_dictionary(self, path: Path) -> None:
        """Load a jieba user dictionary (``word [freq] [flag]`` per line)."""
        self.jieba.load_userdict(str(path))
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 3 and not line.startswith("#"):
                self.flags[parts[0]] = parts[2]

    def add_word(self, word: str, flag: str, freq: int | None = None) -> None:
        self.jieba.add_word(word, freq, flag)
        self.flags[word] = flag

    def flag(self, word: str) -> str:
        found = self.flags.get(word)
        if found:
            return found
        if _NUMBER.match(word):
            return "m"
        if _LATIN.match(word):
            return "eng"
        return "x"

    def words(self, text: str, protected: Iterable[tuple[int, int]] = ()) -> list[str]:
        """Words of ``text``; each protected ``(start, end)`` span is one word."""
        out: list[str] = []
        pos = 0
        for start, end in sorted(protected):
            if start < pos or end <= start:
                continue  # overlaps a span already kept
            out.extend(self.jieba.lcut(text[pos:start]))
            out.append(text[start:end])
            pos = end
        out.extend(self.jieba.lcut(text[pos:]))
        return [w for w in out if w]

    def segment(self, text: str, protected: Iterable[tuple[int, int]] = ()) -> Doc:
        """A Doc whose tokens keep each protected span whole (overlaps: longest first)."""
        words = self.words(text, _disjoint(list(protected)))
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        for token in doc:
            token.tag_ = self.flag(token.text)
        return doc

    def protected_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans jieba must not cut: time expressions and middle-dot names."""
        from pipeline.components.times import find_times
        from pipeline.components.zh_names import dotted_names

        times = [(f.start, f.end) for f in find_times(text, "zh")]
        names = [
            s for s in dotted_names(text, self) if all(s[1] <= a or s[0] >= b for a, b in times)
        ]
        return sorted(times + names)

    def __call__(self, text: str) -> Doc:
        return self.segment(text, self.protected_spans(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest-first, non-overlapping spans, in text order."""
    kept: list[tuple[int, int]] = []
    for a, b in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(b <= x or a >= y for x, y in kept):
            kept.append((a, b))
    return sorted(kept)


@spacy.registry.tokenizers("eventalign.jieba_tokenizer.v1")
def create_jieba_tokenizer(user_dict: str | None = None) -> Callable[[Language], JiebaTokenizer]:
    def make(nlp: Language) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab, Path(user_dict) if user_dict else None)

    return make
