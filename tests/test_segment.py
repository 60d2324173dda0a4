"""Stage 3: jieba inside a spaCy zh pipeline; linked and dotted names stay whole."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.components.zh_names import dotted_names
from pipeline.nlp import load_chinese
from pipeline.process import annotate, prepare
from pipeline.settings import Settings
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def zh() -> Language:
    return load_chinese()


def test_tokenizer_is_jieba_with_flags(zh: Language) -> None:
    doc = zh("蒙古直接参与了诺门罕战役。")
    assert doc.text == "蒙古直接参与了诺门罕战役。"
    tags = {t.text: t.tag_ for t in doc}
    assert tags["蒙古"] == "ns"
    assert "了" in tags


def test_dotted_names_are_trimmed_of_common_words(zh: Language) -> None:
    text = "外交委员维亚切斯拉夫·莫洛托夫宣布：苏联副国防部长彼得·斯米尔诺夫和一组工作人员"
    spans = [text[a:b] for a, b in dotted_names(text, zh.tokenizer)]
    assert spans == ["维亚切斯拉夫·莫洛托夫", "彼得·斯米尔诺夫"]


def test_plain_jieba_would_cut_these_names(zh: Language) -> None:
    """Why the protection exists: jieba alone splits at the dot and inside names."""
    words = zh.tokenizer.jieba.lcut("外交委员维亚切斯拉夫·莫洛托夫宣布")
    assert "维亚切斯拉夫·莫洛托夫" not in words


def test_seed_linked_names_stay_whole(gold_docs: dict) -> None:
    from pipeline.corpus import load_corpus

    corpus = load_corpus(CORPUS)
    entry = next(e for e in corpus.entries if e.lang == "zh")
    prepared = prepare(entry, corpus.root, Settings())
    doc = annotate(prepared, Settings())
    tokens = {t.text for t in doc}
    for name in (
        "霍尔洛·乔巴山",
        "西伯利亚铁路",
        "苏日中立条约",
        "维亚切斯拉夫·莫洛托夫",
        "彼得·斯米尔诺夫",
        "宰桑纪念碑",
        "图瓦人民共和国",
    ):
        assert name in tokens, name
    assert doc.text == prepared.text
