"""Every eventalign spaCy component, registered by name with its defaults, in one place."""

from __future__ import annotations

from spacy.language import Language

from pipeline.components.base_entities import ModelEntities
from pipeline.components.times import TimeTagger


@Language.factory("eventalign_model_entities")
def make_model_entities(nlp: Language, name: str) -> ModelEntities:
    return ModelEntities()


@Language.factory("eventalign_times")
def make_times(nlp: Language, name: str) -> TimeTagger:
    return TimeTagger()
