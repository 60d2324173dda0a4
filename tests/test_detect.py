"""Detecting format, language and script when the manifest does not say."""

from __future__ import annotations

from models import Format, Lang, Script
from pipeline.detect import detect_format, detect_lang, detect_script
from pipeline.script import get_converter
from tests.conftest import EN_SEED, ZH_SEED


def test_seed_formats() -> None:
    assert detect_format(EN_SEED.read_text(encoding="utf-8")) is Format.fandom
    assert detect_format(ZH_SEED.read_text(encoding="utf-8")) is Format.markdown
    assert detect_format("'''Nomonhan''' is a [[village]].\n== History ==\n") is Format.wikitext
    assert detect_format("Just a plain sentence about the war.") is Format.text


def test_languages() -> None:
    assert detect_lang(EN_SEED.read_text(encoding="utf-8")) is Lang.en
    assert detect_lang(ZH_SEED.read_text(encoding="utf-8")) is Lang.zh
    french = (
        "Les troupes soviétiques ont attaqué le village en août. Elle est dans la ville "
        "avec les soldats qui sont partis pour la guerre, et ce n'est pas plus tard."
    )
    assert detect_lang(french) is None
    # an English page full of Portuguese names is still English
    angola = (
        "The 2012 Taça de Angola was the 31st edition of the Taça de Angola, the top "
        "knock-out competition in Angola. Petro de Luanda beat Rec da Caála 1–0 "
        "in the final; Progresso do Sambizanga and Desportivo da Huíla were out."
    )
    assert detect_lang(angola) is Lang.en
    assert detect_lang("Советские войска атаковали деревню в августе.") is None


def test_scripts() -> None:
    c = get_converter()
    assert detect_script(ZH_SEED.read_text(encoding="utf-8"), c.to_hans, c.to_hant) is Script.hant
    assert (
        detect_script(
            "蒙古部队于1939年夏参加了诺门罕战役，并于1945年8月参加了苏联入侵满洲。",
            c.to_hans,
            c.to_hant,
        )
        is Script.hans
    )
