"""Stage 5: cross-lingual linking and event alignment, evidence source by source.

Name pairs beyond the seeds come from CC-CEDICT entries and from wiki-style
sentences written for these tests; pairs that must not link are as important.
"""

from __future__ import annotations

import pytest

from pipeline.align import align
from pipeline.align.compose import Translator, _greedy_segmenter
from pipeline.align.translit import similarity
from pipeline.lexicon import Lexicon, get_lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return get_lexicon()


@pytest.fixture(scope="module")
def translator(lexicon: Lexicon) -> Translator:
    from pipeline.align import _jieba_cut

    return Translator(lexicon, (_greedy_segmenter(lexicon), _jieba_cut()))


@pytest.mark.parametrize(
    ("hans", "english"),
    [
        ("苏联", "Soviet Union"),
        ("乌兰巴托", "Ulaanbaatar"),
        ("关东军", "Japanese Kwantung army"),
        ("满洲国", "Manchukuo"),
        ("第二次世界大战", "World War II"),
        ("斯大林", "Joseph Stalin"),
        ("卢沟桥事变", "Marco Polo Bridge Incident of 7th July 1937"),
        ("德国", "Germany"),
    ],
)
def test_dictionary_pairs_from_cc_cedict(lexicon: Lexicon, hans: str, english: str) -> None:
    entry = lexicon.lookup(hans)
    assert entry is not None and english in entry.english


@pytest.mark.parametrize(
    ("hans", "english", "minimum"),
    [
        ("诺门罕", "Nomonhan", 0.9),
        ("莫洛托夫", "Molotov", 0.9),
        ("哈拉哈", "Halha", 0.9),
        ("朱可夫", "Zhukov", 0.8),
        ("斯米尔诺夫", "Smirnov", 0.8),
        ("乔巴山", "Choibalsan", 0.7),
        ("张鼓峰", "Changkufeng", 0.75),
    ],
)
def test_transliteration_pairs(hans: str, english: str, minimum: float) -> None:
    assert similarity(hans, english) >= minimum


@pytest.mark.parametrize(
    ("hans", "english"),
    [
        ("诺门罕", "Nagasaki"),
        ("哈拉哈", "Harbin"),
        ("莫洛托夫", "Moscow"),
        ("诺门罕", "Nanking"),
        ("哈拉哈", "Hiroshima"),
    ],
)
def test_similar_sounding_different_places_do_not_link(hans: str, english: str) -> None:
    assert similarity(hans, english) < 0.6


@pytest.mark.parametrize(
    ("hans", "names"),
    [
        ("苏日中立条约", ["Soviet–Japanese Neutrality Pact"]),
        ("苏联入侵满洲", ["Soviet invasion of Manchuria"]),
        ("诺门罕战役", ["Nomonhan Incident"]),
        ("德苏互不侵犯条约", ["German–Soviet Non-aggression Pact"]),
        ("日俄战争", ["Russo-Japanese War"]),
        ("中日战争", ["Sino-Japanese War"]),
    ],
)
def test_composition_pairs(translator: Translator, hans: str, names: list[str]) -> None:
    composed = translator.compose(hans, names)
    assert composed.score >= 0.8, composed
    assert not composed.contradicts


@pytest.mark.parametrize(
    ("hans", "names"),
    [
        ("苏德战争", ["Soviet–Japanese Border Wars"]),  # 德 is Germany, not Japan
        ("日俄战争", ["Sino-Japanese War"]),
        ("中日战争", ["Russo-Japanese War"]),
    ],
)
def test_wars_between_other_countries_contradict(
    translator: Translator, hans: str, names: list[str]
) -> None:
    assert translator.compose(hans, names).contradicts


def test_seed_alignment(seed_run) -> None:
    """The five events of the gold file, each one record with both languages."""
    import json

    out, _ = seed_run
    records = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    by_name = {n: r for r in records for n in r["names"]["en"] + r["names"]["zh-Hant"]}
    for en, zh in [
        ("Battle of Khalkhin Gol", "諾門罕戰役"),
        ("Soviet–Japanese Neutrality Pact", "蘇日中立條約"),
        ("Soviet invasion of Manchuria", "蘇聯入侵滿洲"),
        ("Great Patriotic War", "蘇德戰爭"),
        ("World War II", "第二次世界大戰"),
    ]:
        record = by_name[en]
        assert by_name[zh] is record, (en, zh)
        assert record["names"]["zh-Hans"] and record["names"]["zh-Hant"]
        assert record["evidence"]
    assert by_name["Soviet–Japanese Neutrality Pact"]["time"]["value"] == "1941-04-13"
    assert by_name["Battle of Khalkhin Gol"]["time"]["value"] == "1939-05/1939-09"
    assert "二戰" in by_name["World War II"]["names"]["zh-Hant"]
    for name in ("Battle of Lake Khasan", "Tripartite Pact", "大鎮壓", "互助條約", "君子協定"):
        articles = {m["article_id"] for m in by_name[name]["members"]}
        assert len(articles) == 1, name


def test_aligned_entities_carry_both_scripts(seed_run) -> None:
    import json

    out, _ = seed_run
    entities = [json.loads(line) for line in (out / "entities.jsonl").read_text().splitlines()]
    by_en = {n: e for e in entities for n in e["names"]["en"]}
    soviet = by_en["Soviet Union"]
    assert "USSR" in soviet["names"]["en"]
    assert soviet["names"]["zh-Hans"][0] == "苏联" and soviet["names"]["zh-Hant"][0] == "蘇聯"
    assert "滿州國" in by_en["Manchukuo"]["names"]["zh-Hant"]  # variant 州/洲 folded for matching
    assert by_en["Halha River"] is by_en["Khalkhin Gol"]


def test_a_third_article_joins_existing_records(tmp_path) -> None:
    """Real wiki text about the same pact, in simplified script: it joins the record."""
    from pathlib import Path

    from pipeline.corpus import load_corpus
    from pipeline.process import process_article
    from pipeline.settings import Settings
    from tests.conftest import CORPUS

    extra = tmp_path / "pact.txt"
    extra.write_text(
        "苏日中立条约是苏联与日本于1941年4月13日在莫斯科签订的条约。"
        "条约规定两国保持和平友好关系，互相尊重领土完整。\n",
        encoding="utf-8",
    )
    corpus = load_corpus(CORPUS)
    mentions = [
        m for e in corpus.entries for m in process_article(e, corpus.root, Settings()).mentions
    ]
    third = load_corpus(Path(tmp_path))
    mentions += process_article(third.entries[0], third.root, Settings()).mentions
    _, records = align(mentions)
    pact = next(r for r in records if "Soviet–Japanese Neutrality Pact" in r.names.en)
    assert {m.article_id for m in pact.members} == {
        "000_b9b5bcfd31925d4e",
        "004_52d569664bc2f98a",
        "pact",
    }
    assert "苏日中立条约" in pact.names.zh_hans
