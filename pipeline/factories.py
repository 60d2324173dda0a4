"""Every eventalign spaCy component, registered by name with its defaults, in one place."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.en_entities import EnglishEntities
from pipeline.components.times import TimeTagger
from pipeline.components.zh_entities import ChineseEntities


@Language.component("eventalign_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: infobox lines, list items and captions stand alone."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


@Language.factory("eventalign_times")
def make_times(nlp: Language, name: str) -> TimeTagger:
    return TimeTagger()


@Language.factory("eventalign_en_entities", default_config={"use_lexicon": True})
def make_en_entities(nlp: Language, name: str, use_lexicon: bool) -> EnglishEntities:
    from pipeline.lexicon import get_lexicon

    return EnglishEntities(nlp.vocab, get_lexicon() if use_lexicon else None)


@Language.factory(
    "eventalign_zh_entities", default_config={"use_lexicon": True, "latin_model": True}
)
def make_zh_entities(
    nlp: Language, name: str, use_lexicon: bool, latin_model: bool
) -> ChineseEntities:
    from pipeline.lexicon import get_lexicon
    from pipeline.nlp import load_english

    return ChineseEntities(
        get_lexicon() if use_lexicon else None, load_english if latin_model else None
    )
