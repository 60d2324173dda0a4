"""Rules shared by the cleaners: what a link target is, which sections are references."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

from pipeline.clean.builder import TextBuilder

#: Namespaces whose links are page furniture, not prose (English and Chinese names).
FURNITURE_NAMESPACES = frozenset(
    [
        "file",
        "image",
        "media",
        "category",
        "template",
        "help",
        "wikipedia",
        "portal",
        "special",
        "user",
        "talk",
        "文件",
        "檔案",
        "档案",
        "图像",
        "圖像",
        "分类",
        "分類",
        "模板",
        "帮助",
        "幫助",
        "维基百科",
        "維基百科",
        "主题",
        "主題",
    ]
)

#: Section titles whose content is citations and bibliography, not the article's history.
REFERENCE_SECTIONS = frozenset(
    s.casefold()
    for s in (
        "References",
        "Notes",
        "Footnotes",
        "Citations",
        "Sources",
        "Bibliography",
        "Further reading",
        "External links",
        "See also",
        "Notes and references",
        "參考",
        "参考",
        "參考資料",
        "参考资料",
        "參考文獻",
        "参考文献",
        "參見",
        "参见",
        "注釋",
        "注释",
        "腳註",
        "脚注",
        "外部連結",
        "外部链接",
        "延伸閱讀",
        "延伸阅读",
        "相關條目",
        "相关条目",
        "來源",
        "来源",
        "引用",
        "書目",
        "书目",
    )
)

#: Letters of scripts the pipeline does not read (Cyrillic, Greek, Arabic, …), with the
#: spaces and punctuation between them: dropped from reference lists.
FOREIGN_RUN = re.compile(
    r"(?:[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff"
    r"\u0e00-\u0e7f\u10a0-\u10ff]+[\s.,:;'\"«»()-]*)+"
)

#: Citation marks and editorial notes left in exported text: [1], [12], [citation needed].
CITATION_MARK = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|edit|note \d+)\]")


#: MediaWiki language-variant markup: -{zh-hans:苏联;zh-hant:蘇聯}- or -{不转换}-.
VARIANT = re.compile(r"-\{([^{}\n]*)\}-")
_VARIANT_CHOICE = re.compile(r"(?:^|;)\s*(zh-hant|zh-tw|zh-hk|zh-hans|zh-cn|zh-sg|zh)\s*:\s*")


def keep_variants(b: TextBuilder, start: int, end: int, keep: Callable[[int, int], None]) -> None:
    """Keep ``raw[start:end]``, resolving variant markup to one variant (traditional
    first, as the article is written), its text mapped to where it stands in the raw."""
    raw = b.raw
    pos = start
    for m in VARIANT.finditer(raw, start, end):
        keep(pos, m.start())
        body_start = m.start(1)
        choices = list(_VARIANT_CHOICE.finditer(m.group(1)))
        if choices:
            order = ["zh-hant", "zh-tw", "zh-hk", "zh", "zh-hans", "zh-cn", "zh-sg"]
            best = min(choices, key=lambda c: order.index(c.group(1)))
            text_start = body_start + best.end()
            text_end = m.group(1).find(";", best.end())
            text_end = body_start + (text_end if text_end >= 0 else len(m.group(1)))
            keep(text_start, text_end)
        else:
            keep(body_start, m.end(1))
        pos = m.end()
    keep(pos, end)


def page_target(url: str) -> str:
    """The page name a link points to: ``…/wiki/X``, ``../Page/X.md`` or a bare title."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if "/wiki/" in path:
        path = path.split("/wiki/", 1)[1]
    elif "/Page/" in path:
        path = path.split("/Page/", 1)[1]
    name = unquote(path).removesuffix(".md").replace("_", " ").strip()
    return name


def is_furniture(target: str) -> bool:
    """A link to a file, category, template … page."""
    ns, sep, _ = target.partition(":")
    return bool(sep) and ns.strip().casefold() in FURNITURE_NAMESPACES


def is_reference_section(title: str) -> bool:
    return title.strip().strip(":：").casefold() in REFERENCE_SECTIONS


def keep_citation_text(b: TextBuilder, start: int, end: int) -> None:
    """Keep a piece of a reference list, dropping runs of scripts the pipeline cannot read."""
    raw = b.raw
    pos = start
    for m in FOREIGN_RUN.finditer(raw, start, end):
        b.keep(pos, m.start())
        pos = m.end()
    b.keep(pos, end)
