"""Chinese entities, built from what installs offline.

Sources, in order of trust:
- wiki link anchors (the name the link's target gives inside the anchor text);
- middle-dot transliterations (霍尔洛·乔巴山) → PERSON;
- name compositions ending in a type suffix, read leftwards over name-like words:
  …战役/战争/事件 → EVENT, …条约/协定/协议 → TREATY, …党/集团军/师/旅/团 → ORG,
  …河/湖/岛/铁路/纪念碑/共和国 → PLACE (蘇聯第17集團軍, 第5,6,7和8蒙古騎兵師,
  “革命蒙古”坦克旅), and a place named inside an event (哈拉哈河 in 哈拉哈河战役);
- a name before a rank or office (皮里耶夫上校) → PERSON;
- CC-CEDICT proper nouns with a type, and jieba's ``ns`` words → PLACE;
- runs of Latin script (authors and publishers in references) through the English model.

The doc is in simplified script; surfaces are reported in both scripts later.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.candidates import Candidate, resolve
from pipeline.components.zh_names import DOTS
from pipeline.extensions import ENTITIES
from pipeline.jieba_dict import FLAG_LABELS, flags
from pipeline.lexicon import Lexicon

#: Type suffixes (simplified), longest first when matched.
SUFFIXES: dict[str, str] = {}
for _label, _words in {
    "EVENT": "战役 战争 事件 事变 会战 起义 暴动 大屠杀 屠杀 之战 镇压 清洗 肃反 革命 政变 行动",
    "TREATY": "条约 协定 协议 公约 议定书 和约",
    "ORG": "集团军 方面军 军方 中队 大队 舰队 骑兵师 兵团 集团 委员会 苏维埃 议会 会议 党 "
    "师 旅 团 军 出版社 大学 银行 公司",
    "PLACE": "共和国 铁路 纪念碑 河 湖 岛 山脉 半岛 海峡 高原 沙漠 盆地 平原",
}.items():
    for _w in _words.split():
        SUFFIXES[_w] = _label
_SUFFIXES_LONGEST_FIRST = sorted(SUFFIXES, key=len, reverse=True)
_SUFFIX_RX = re.compile("|".join(_SUFFIXES_LONGEST_FIRST))
_SINGLE_CHAR_SUFFIX_MIN = 3  # 师, 军, 河 … need a name of at least 3 characters in all

#: Flags of words that can stand inside a composed name.
_NAME_FLAGS = frozenset("ns nr nrt nrfg nz nt n j x eng zg an l".split())
_SPECIFIC_FLAGS = frozenset("ns nr nrt nrfg nz nt j x eng".split())
#: Verbs that take a treaty or event as their object: never part of its name.
_GOVERNING_VERBS = frozenset(
    "签订 签署 缔结 废除 撕毁 违反 遵守 通过 破坏 发动 参加 参与 爆发 结束 开始 赢得 打赢 取消 "
    "履行 批准 退出 加入 谴责 发生 进行 展开 领导 指挥 组建 成立 解散 击败".split()
)
_TITLES = re.compile(
    "上校|中校|少校|上将|中将|少将|大将|元帅|将军|司令|总统|总理|主席|首相|外长|部长|大使|"
    "博士|教授|国王|女王|皇帝|沙皇|亲王|公爵|伯爵|男爵|中尉|上尉|少尉|大尉"
)
_INVASION = re.compile(r"^..+(?:入侵|侵略|进攻|占领|吞并|出兵)..+$")
_LATIN_RUN = re.compile(r"[A-Za-z][^\u3000-\u9fff\uff00-\uffef\n]*[A-Za-z.)]")
_QUOTES = {"“": "”", "「": "」", "『": "』", '"': '"'}
_MAX_MODIFIERS = 6
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_DOTTED_WORD = re.compile(rf"^[\u4e00-\u9fff]+(?:[{DOTS}][\u4e00-\u9fff]+)+$")


class ChineseEntities:
    """Typed entity spans on ``doc.spans["entities"]`` for simplified Chinese docs."""

    def __init__(
        self, lexicon: Lexicon | None, english: Callable[[], Language] | None = None
    ) -> None:
        self.lexicon = lexicon
        self.english = english

    def __call__(self, doc: Doc) -> Doc:
        chars: list[tuple[int, int, str, str, bool]] = []  # start, end, label, source, nested
        chars += self._links(doc)
        chars += self._compositions(doc)
        chars += self._titled_persons(doc)
        chars += self._latin(doc)
        _split_tokens(doc, {c[0] for c in chars} | {c[1] for c in chars})
        candidates = []
        for start, end, label, source, nested in chars:
            span = doc.char_span(start, end)
            if span is not None:
                candidates.append(Candidate(span.start, span.end, label, source, nested))
        candidates += self._words(doc)
        doc.spans[ENTITIES] = resolve(doc, candidates)
        return doc

    # typing -------------------------------------------------------------------------------
    def type_name(self, name: str) -> str | None:
        """The label of a whole name: dotted person, suffix, CC-CEDICT, jieba's flag."""
        if any(d in name for d in DOTS):
            return "PERSON"
        if _INVASION.match(name):
            return "EVENT"
        for suffix in _SUFFIXES_LONGEST_FIRST:
            long_enough = len(suffix) > 1 or len(name) >= _SINGLE_CHAR_SUFFIX_MIN
            if name.endswith(suffix) and len(name) > len(suffix) and long_enough:
                return SUFFIXES[suffix]
        if name.endswith("国") and len(name) >= 3:
            return "PLACE"
        entry = self.lexicon.lookup(name) if self.lexicon is not None else None
        if entry is not None and entry.label:
            return entry.label
        return FLAG_LABELS.get(flags().get(name, ""))

    # sources ------------------------------------------------------------------------------
    def _links(self, doc: Doc) -> list[tuple[int, int, str, str, bool]]:
        """Link targets named in their anchors; an untyped one takes the type of the kind
        word that follows it (小呼拉尔 + 议会 → ORG)."""
        out = []
        text = doc.text
        for a, b, _target in doc._.links or []:
            label = self.type_name(text[a:b])
            if label is None:
                following = _SUFFIX_RX.match(text, b)
                label = (
                    SUFFIXES[following.group()]
                    if following and len(following.group()) > 1
                    else None
                )
            if label:
                out.append((a, b, label, "anchor", False))
        return out

    def _compositions(self, doc: Doc) -> list[tuple[int, int, str, str, bool]]:
        """Names ending in a type suffix, extended leftwards over name-like words."""
        text = doc.text
        token_starts = [t.idx for t in doc]
        in_time = {t.i for span in doc.spans.get("times", []) for t in span}
        out = []
        for m in _SUFFIX_RX.finditer(text):
            suffix_start, end = m.span()
            last = doc[bisect_right(token_starts, end - 1) - 1]
            if last.idx + len(last) != end and last.tag_ != "x":
                continue  # the suffix ends inside a dictionary word (军 in 军队)
            token = doc[bisect_right(token_starts, suffix_start) - 1]
            # the suffix may end a word (骑兵师): the word's head is then a modifier
            inside = token.idx < suffix_start
            start = token.idx if inside else suffix_start
            modifiers = 1 if inside else 0
            specific = inside and token.tag_ in _SPECIFIC_FLAGS
            i = token.i - 1
            first_verb_ok = True
            while i >= 0 and modifiers < _MAX_MODIFIERS and i not in in_time:
                t = doc[i]
                if t.text in _QUOTES.values():  # a quoted name: take it whole, and stop
                    opening = _opening_quote(doc, i)
                    if opening is not None:
                        start = doc[opening].idx
                        modifiers += 1
                        specific = True
                    break
                if t.text in ("-", "－", "–") and i > 0 and doc[i - 1].tag_ == "ns":
                    i -= 1
                    continue
                if t.like_num or (t.text in (",", "，", "、", "和", "及") and _in_ordinal(doc, i)):
                    i -= 1
                    continue
                if t.text == "第" and i + 1 < len(doc) and doc[i + 1].like_num:
                    start, i = t.idx, i - 1
                    modifiers += 1
                    specific = True
                    first_verb_ok = False
                    continue
                if specific and t.tag_ not in _SPECIFIC_FLAGS:
                    break  # past a proper name only more proper names (苏联-蒙古…)
                # next to the suffix a verb or a distinguishing word can name the kind of
                # thing (互助条约, 中立条约), unless it governs it (签订条约)
                verb_ok = (
                    first_verb_ok
                    and (t.tag_.startswith("v") or t.tag_ == "b")
                    and t.text not in _GOVERNING_VERBS
                    and len(t.text) == 2
                )
                if (t.tag_ in _NAME_FLAGS and not t.is_punct) or verb_ok:
                    if t.tag_ == "x" and not re.match(r"^[\u4e00-\u9fff]+$", t.text):
                        break
                    start = t.idx
                    modifiers += 1
                    specific = specific or t.tag_ in _SPECIFIC_FLAGS
                    first_verb_ok = False
                    i -= 1
                    continue
                break
            name = text[start:end]
            suffix = m.group()
            if modifiers == 0 or (len(suffix) == 1 and len(name) < _SINGLE_CHAR_SUFFIX_MIN):
                continue
            label = SUFFIXES[suffix]
            if label == "ORG" and len(suffix) == 1 and not specific and len(name) < 4:
                continue  # 坦克旅 alone is a kind of unit; 第7装甲旅, 装甲车旅 are units
            out.append((start, end, label, "rule", False))
            if label in ("EVENT", "TREATY"):
                out.extend(self._nested_places(doc, start, suffix_start))
        return out

    def _nested_places(
        self, doc: Doc, start: int, end: int
    ) -> list[tuple[int, int, str, str, bool]]:
        return [
            (t.idx, t.idx + len(t), "PLACE", "rule", True)
            for t in doc
            if start <= t.idx and t.idx + len(t) <= end and t.tag_ == "ns" and len(t.text) > 1
        ]

    def _titled_persons(self, doc: Doc) -> list[tuple[int, int, str, str, bool]]:
        """皮里耶夫上校: the name before a rank or office.

        Read leftwards from the title: words jieba takes for names (or does not know),
        and single characters next to them (transliterations are cut into syllables).
        """
        out = []
        token_starts = [t.idx for t in doc]
        for m in _TITLES.finditer(doc.text):
            token = doc[bisect_right(token_starts, m.start()) - 1]
            if token.idx != m.start() or token.i == 0:
                continue
            i, start = token.i - 1, None
            while i >= 0 and _HAN.match(doc[i].text):
                t = doc[i]
                name_word = t.tag_ in ("nr", "nrt", "nrfg", "x")
                syllable = len(t.text) == 1 and (
                    start is not None or doc[i + 1].tag_ in ("nr", "nrt", "x")
                )
                if not (name_word or syllable):
                    break
                start = t.idx
                i -= 1
            if start is not None and m.start() - start >= 2:
                out.append((start, m.start(), "PERSON", "rule", False))
        return out

    def _latin(self, doc: Doc) -> list[tuple[int, int, str, str, bool]]:
        """Persons and organisations written in Latin script (references)."""
        if self.english is None:
            return []
        nlp = self.english()
        out = []
        for m in _LATIN_RUN.finditer(doc.text):
            if len(m.group().split()) < 2:
                continue
            latin = nlp(m.group())  # keep the Doc alive: span groups hold a weak reference
            for ent in latin.spans[ENTITIES]:
                if ent.label_ in ("PERSON", "ORG"):
                    a = m.start() + ent.start_char
                    out.append((a, a + len(ent.text), ent.label_, "model", False))
        return out

    def _words(self, doc: Doc) -> list[Candidate]:
        """Single words: middle-dot names, CC-CEDICT's typed proper nouns, jieba's places."""
        out = []
        for t in doc:
            if _DOTTED_WORD.match(t.text):
                out.append(Candidate(t.i, t.i + 1, "PERSON", "rule"))
                continue
            if len(t.text) < 2 or not re.match(r"^[\u4e00-\u9fff]+$", t.text):
                continue
            label = None
            if self.lexicon is not None and t.tag_ in ("ns", "nr", "nrt", "nz", "nt", "j", "x"):
                entry = self.lexicon.by_hans.get(t.text)
                label = entry.label if entry is not None else None
            if label is None and t.tag_ == "ns":
                label = "PLACE"
            if label:
                out.append(Candidate(t.i, t.i + 1, label, "lexicon" if label else "model"))
        return out


def _opening_quote(doc: Doc, closing: int) -> int | None:
    for j in range(closing - 1, max(-1, closing - 8), -1):
        if doc[j].text in _QUOTES:
            return j
    return None


def _in_ordinal(doc: Doc, i: int) -> bool:
    """Inside 第5,6,7和8: separators between numbers after 第."""
    j = i
    while j >= 0 and (doc[j].like_num or doc[j].text in (",", "，", "、", "和", "及")):
        j -= 1
    return j >= 0 and doc[j].text == "第" and i + 1 < len(doc) and doc[i + 1].like_num


def _split_tokens(doc: Doc, offsets: set[int]) -> None:
    """Split tokens so that every offset falls on a token boundary."""
    cuts = []
    for t in doc:
        inner = sorted(o - t.idx for o in offsets if t.idx < o < t.idx + len(t))
        if inner:
            pieces, last = [], 0
            for k in inner:
                pieces.append(t.text[last:k])
                last = k
            pieces.append(t.text[last:])
            cuts.append((t.i, pieces))
    if not cuts:
        return
    saved = {
        key: [
            (sp.start_char, sp.end_char, sp.label_, sp._.timex, sp._.source, sp._.anchor)
            for sp in group
        ]
        for key, group in doc.spans.items()
    }
    with doc.retokenize() as retokenizer:
        for i, pieces in cuts:
            token = doc[i]
            retokenizer.split(token, pieces, heads=[(token, k) for k in range(len(pieces))])
    table = flags()
    for t in doc:
        if not t.tag_:
            t.tag_ = table.get(t.text, "x")
    for key, rows in saved.items():
        spans = []
        for start, end, label, timex, source, anchor in rows:
            span = doc.char_span(start, end, label=label)
            if span is not None:
                span._.timex, span._.source, span._.anchor = timex, source, anchor
                spans.append(span)
        doc.spans[key] = spans
