"""English entities: spaCy's NER corrected by rules for what it gets wrong on wiki text.

Sources, in order of trust:
- rules (spaCy ``Matcher``): event names (Battle of X, X incident, Operation X, X War,
  the atomic bombings of X), treaties (X Pact, Treaty of X, Convention of X,
  X–Y … agreement), geographic names (Lake X, X River, X Gol, Empire of X),
  citation authors (``Coox, Alvin D.``), infobox lines that put a flag country
  before a commander (``Japan Yoshijirō Umezu``);
- wiki link anchors;
- the model's entities, relabelled where CC-CEDICT types the name otherwise
  (Manchukuo is a place, not a person) and dropped where they are romanizations
  given after ``pinyin:`` or ``pronunciation:``.
"""

from __future__ import annotations

import re

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.components.candidates import Candidate, resolve
from pipeline.extensions import ENTITIES
from pipeline.lexicon import Lexicon, is_country

#: The model's labels we take. LAW is left out (laws, articles and constitutions are not
#: treaties: treaties come from the rules); EVENT only with an event word (see _EVENT_WORD).
MODEL_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "EVENT": "EVENT",
}
_EVENT_WORD = re.compile(
    r"\b(?:[Ww]ars?|[Bb]attle|[Rr]evolution|[Uu]prising|[Rr]ebellion|[Ii]ncident|[Mm]assacre|"
    r"[Ss]iege|[Ii]nvasion|[Cc]ampaign|[Oo]ffensive|[Cc]risis|[Cc]oup|[Rr]evolt|[Pp]urge|"
    r"[Oo]peration|[Cc]onflict|[Ee]xpedition|[Mm]utiny|[Bb]ombings?)\b"
)

_NAME = {"TEXT": {"REGEX": r"^[A-Z][\w'’.]*$"}}
_NAME_PLUS = {"TEXT": {"REGEX": r"^[A-Z][\w'’.]*$"}, "OP": "+"}
_NAME_OR_DASH = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’.]*|[–—-]|\d+(?:st|nd|rd|th))$"}, "OP": "*"}
_DASH = {"ORTH": {"IN": ["-", "–", "—"]}}

EVENT_HEADS_TITLE = [
    "War",
    "Wars",
    "Revolution",
    "Offensive",
    "Campaign",
    "Crisis",
    "Purge",
    "Uprising",
    "Rebellion",
    "Incident",
    "Massacre",
    "Affair",
    "Insurrection",
    "Coup",
    "Expedition",
    "Conflict",
    "Mutiny",
    "Revolt",
    "Operation",
]
EVENT_HEADS_LOWER = ["incident", "conflict", "massacre", "uprising", "rebellion", "affair"]
TREATY_HEADS = [
    "Pact",
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Protocol",
    "Convention",
    "Charter",
    "Armistice",
]
PLACE_TAILS = [
    "River",
    "Lake",
    "Island",
    "Islands",
    "Mountains",
    "Mountain",
    "Sea",
    "Bay",
    "Gulf",
    "Strait",
    "Peninsula",
    "Desert",
    "Plateau",
    "Valley",
    "Gol",
    "Nuur",
    "Nur",
    "Uul",
    "Railway",
    "Canal",
    "Pass",
    "Heights",
    "Hill",
    "Hills",
    "Range",
    "Basin",
    "Steppe",
    "Monument",
    "Bridge",
    "Province",
    "Oblast",
    "Krai",
    "Prefecture",
]

PATTERNS: dict[str, list[list[dict]]] = {
    "EVENT": [
        [
            {
                "ORTH": {
                    "IN": [
                        "Battle",
                        "Siege",
                        "Sack",
                        "Capture",
                        "Fall",
                        "Invasion",
                        "Massacre",
                        "Occupation",
                        "Liberation",
                        "Bombing",
                        "Bombings",
                    ]
                }
            },
            {"LOWER": "of"},
            {"LOWER": "the", "OP": "?"},
            _NAME,
            _NAME_OR_DASH,
        ],
        [_NAME, _NAME_OR_DASH, {"ORTH": {"IN": EVENT_HEADS_TITLE}}],
        [_NAME, _NAME_OR_DASH, {"LOWER": {"IN": EVENT_HEADS_LOWER}}],
        [{"ORTH": "Operation"}, _NAME_PLUS],
        [{"ORTH": "World"}, {"ORTH": "War"}, {"TEXT": {"REGEX": r"^(?:I{1,3}|One|Two)$"}}],
        [
            {"LOWER": "atomic"},
            {"LOWER": {"IN": ["bombing", "bombings"]}},
            {"LOWER": "of"},
            _NAME_PLUS,
            {"LOWER": "and"},
            _NAME_PLUS,
        ],
        [
            {"LOWER": "atomic"},
            {"LOWER": {"IN": ["bombing", "bombings"]}},
            {"LOWER": "of"},
            _NAME_PLUS,
        ],
        [
            _NAME,
            _NAME_OR_DASH,
            {"LOWER": {"IN": ["invasion", "annexation"]}},
            {"LOWER": "of"},
            {"LOWER": "the", "OP": "?"},
            _NAME_PLUS,
        ],
    ],
    "TREATY": [
        [{"ORTH": {"IN": [*TREATY_HEADS, "Peace"]}}, {"LOWER": "of"}, _NAME_PLUS],
        [_NAME, _NAME_OR_DASH, {"ORTH": {"IN": TREATY_HEADS}}],
        [
            _NAME,
            _DASH,
            _NAME,
            {"TEXT": {"REGEX": r"^(?:[a-z]+|-)$"}, "OP": "*"},
            {"LOWER": {"IN": ["pact", "treaty", "agreement", "accord"]}},
        ],
    ],
    "PLACE": [
        [{"ORTH": {"IN": ["Lake", "Mount", "Mt.", "Cape", "Fort", "Isle"]}}, _NAME_PLUS],
        [_NAME, _NAME_OR_DASH, {"ORTH": {"IN": PLACE_TAILS}}],
        [
            {
                "ORTH": {
                    "IN": [
                        "Gulf",
                        "Bay",
                        "Sea",
                        "Isle",
                        "Strait",
                        "Empire",
                        "Kingdom",
                        "Republic",
                        "Principality",
                        "Duchy",
                        "Emirate",
                        "Sultanate",
                        "Khanate",
                    ]
                }
            },
            {"LOWER": "of"},
            _NAME_PLUS,
        ],
    ],
}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
#: Heads that also name protocols, conventions and charters of other kinds.
_AMBIGUOUS_TREATY_HEADS = {"Protocol", "Convention", "Charter"}
_LEADING_WORDS = {"see", "cf", "also", "following", "despite", "unlike", "like"}
_ROMANIZATION_LABELS = re.compile(
    r"(?:pinyin|pronunciation|romanized|romanization|hepburn|wade[–-]giles|transliteration|"
    r"rōmaji|romaji|ipa)\s*:\s*[^:;)]*$",
    re.I,
)
_CITATION_AUTHOR = re.compile(
    r"^[A-Z][\w'’-]+, (?:[A-Z][\w'’-]+|[A-Z]\.)(?: [A-Z]\.| [A-Z][\w'’-]+)*"
)


class EnglishEntities:
    """Typed entity spans on ``doc.spans["entities"]`` for English text."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon | None) -> None:
        self.matcher = Matcher(vocab)
        for label, patterns in PATTERNS.items():
            self.matcher.add(label, patterns, greedy="LONGEST")
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        candidates = self._rules(doc)
        candidates += self._infobox(doc)
        candidates += self._authors(doc)
        candidates += self._links(doc)
        candidates += self._model(doc)
        text = doc.text  # built from the tokens on every access: read it once
        doc.spans[ENTITIES] = resolve(doc, [c for c in candidates if self._keep(doc, text, c)])
        return doc

    # sources ----------------------------------------------------------------------------
    def _rules(self, doc: Doc) -> list[Candidate]:
        out = []
        places = {t.i for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP") for t in e}
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            start = _skip_determiners(doc, start, end)
            if (
                label == "TREATY"
                and doc[end - 1].text in _AMBIGUOUS_TREATY_HEADS
                and not any(i in places for i in range(start, end - 1))
            ):
                continue  # Network Time Protocol; but Hague Convention, Kyoto Protocol
            out.append(Candidate(start, end, label, "rule"))
            if label == "EVENT":
                out.extend(self._event_places(doc, start, end))
        events = [c for c in out if c.label in ("EVENT", "TREATY")]
        # a place named inside an event's name (Kanchazu Island incident) is kept as well
        return [
            Candidate(c.start, c.end, c.label, c.source, nested=True)
            if c.label == "PLACE"
            and any(
                e.start <= c.start and c.end <= e.end and (e.start, e.end) != (c.start, c.end)
                for e in events
            )
            else c
            for c in out
        ]

    def _event_places(self, doc: Doc, start: int, end: int) -> list[Candidate]:
        """The place an event name names after "of" (Battle of Lake Khasan), kept nested."""
        for i in range(start, end - 1):
            if doc[i].lower_ == "of":
                first = i + 1 + (doc[i + 1].lower_ == "the")
                parts = [(first, end)]
                for j in range(first, end):
                    if doc[j].lower_ == "and":
                        parts = [(first, j), (j + 1, end)]
                return [Candidate(a, b, "PLACE", "rule", nested=True) for a, b in parts if b > a]
        return []

    def _infobox(self, doc: Doc) -> list[Candidate]:
        """``Empire of Japan Kenkichi Ueda``: a flag country, then a commander."""
        if not doc._.infobox_range:
            return []
        first, last = doc._.infobox_range
        span = doc.char_span(first, last, alignment_mode="contract")
        if span is None:
            return []
        out = []
        known = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
        for line in _lines(doc, span.start, span.end):
            words = [t for t in line if not t.is_space]
            if len(words) < 3 or not all(t.is_title or t.text == "of" for t in words):
                continue
            for cut in range(len(words) - 2, 0, -1):
                prefix = doc[words[0].i : words[cut - 1].i + 1]
                rest = words[cut:]
                if 2 <= len(rest) <= 3 and self._is_place(prefix.text, known):
                    out.append(Candidate(prefix.start, prefix.end, "PLACE", "infobox"))
                    out.append(Candidate(rest[0].i, rest[-1].i + 1, "PERSON", "infobox"))
                    break
        return out

    def _is_place(self, text: str, known: set[str]) -> bool:
        if text in known or is_country(text):
            return True
        m = re.match(r"^(?:Empire|Kingdom|Republic) of (.+)$", text)
        if m:
            return self._is_place(m.group(1), known)
        if self.lexicon is not None:
            labels = {e.label for e in self.lexicon.english(text)}
            return labels == {"PLACE"}
        return False

    def _authors(self, doc: Doc) -> list[Candidate]:
        """``Coox, Alvin D.`` at the start of a citation line."""
        out = []
        text = doc.text
        for a, b in doc._.citations or []:
            for m in re.finditer(r"(?m)^\s*(" + _CITATION_AUTHOR.pattern[1:] + ")", text[a:b]):
                span = doc.char_span(a + m.start(1), a + m.end(1), alignment_mode="contract")
                if span is not None:
                    out.append(Candidate(span.start, span.end, "PERSON", "rule"))
        return out

    def _links(self, doc: Doc) -> list[Candidate]:
        out = []
        by_span = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
        for a, b, target in doc._.links or []:
            span = doc.char_span(a, b, alignment_mode="contract")
            if span is None or not span.text[:1].isupper():
                continue
            label = MODEL_LABELS.get(by_span.get((a, b), ""))
            if label is None:
                label = self._lexicon_label(target) or self._lexicon_label(span.text)
            if label:
                out.append(Candidate(span.start, span.end, label, "link"))
        return out

    def _model(self, doc: Doc) -> list[Candidate]:
        out = []
        for ent in doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            if label is None:
                continue
            start = _skip_determiners(doc, ent.start, ent.end)
            for i in range(start, ent.end - 1):
                if doc[i].text in (":", ";"):  # "Plymouth: Scarecrow Press": the last part
                    start = i + 1
            end = ent.end
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            text = doc[start:end].text
            if label == "EVENT" and not _EVENT_WORD.search(text):
                continue
            label = self._relabel(text, label)
            out.append(Candidate(start, end, label, "model"))
        return out

    # helpers ----------------------------------------------------------------------------
    def _lexicon_label(self, name: str) -> str | None:
        if self.lexicon is None:
            return None
        labels = {e.label for e in self.lexicon.english(name) if e.english[:1] == (name,)}
        labels.discard(None)
        return labels.pop() if len(labels) == 1 else None

    def _relabel(self, text: str, label: str) -> str:
        """Trust CC-CEDICT's type of a name, or of the country it ends with, over the model's."""
        if label not in ("PERSON", "ORG", "PLACE"):
            return label
        typed = self._lexicon_label(text)
        if typed in ("PERSON", "ORG", "PLACE"):
            return typed
        words = text.split()
        if label != "PLACE" and len(words) > 1 and "of" not in words:
            # Imperial Russia, German Third Reich: modifiers before a country
            for k in range(1, len(words)):
                tail = " ".join(words[k:])
                if is_country(tail) or self._lexicon_label(tail) == "PLACE":
                    return "PLACE"
        return label

    def _keep(self, doc: Doc, doc_text: str, c: Candidate) -> bool:
        span = doc[c.start : c.end]
        text = span.text
        if not text or "\n" in text or not any(ch.isupper() for ch in text):
            return False
        before = doc_text[max(0, span.start_char - 80) : span.start_char]
        return _ROMANIZATION_LABELS.search(before) is None


def _skip_determiners(doc: Doc, start: int, end: int) -> int:
    """Drop leading determiners, and a capitalized function word that starts a sentence
    or follows a parenthesis ("See Sino–Soviet conflict", "Before Japanese …")."""
    while start < end - 1:
        token = doc[start]
        if token.lower_ in _DETERMINERS or (
            token.is_title
            and (token.is_stop or token.lower_ in _LEADING_WORDS)
            and (
                token.is_sent_start
                or start == 0
                or doc[start - 1].text in '(\n["“'
                or doc[start - 1].is_space
            )
        ):
            start += 1
        else:
            break
    return start


def _lines(doc: Doc, start: int, end: int) -> list[Span]:
    lines, first = [], start
    for i in range(start, end):
        if "\n" in doc[i].text:
            if i > first:
                lines.append(doc[first:i])
            first = i + 1
    if end > first:
        lines.append(doc[first:end])
    return lines
